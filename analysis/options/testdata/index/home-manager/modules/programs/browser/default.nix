{ lib, ... }:
let
  mkBrowserModule = import ./mkBrowserModule.nix;
in
{
  imports = [
    (mkBrowserModule {
      modulePath = [ "programs" "browser" ];
      name = "Browser";
    })
  ]
  ++ lib.hm.deprecations.mkSettingsRenamedOptionModules [ "programs" "browser" "old" ] [ "programs" "browser" "settings" ] { } [ ];
}
