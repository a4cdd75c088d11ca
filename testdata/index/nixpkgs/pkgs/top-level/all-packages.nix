/*
  The top-level package collection of the fixture.
*/
{
  lib,
  noSysDirs,
  config,
  overlays,
}:
res: pkgs: super:

with pkgs;

{
  # A module-system style type tag.
  _type = "pkgs";

  foo = callPackage ../applications/misc/foo { };

  bar = callPackage ../tools/bar/bar.nix {
    stdenv = gccStdenv;
  };

  bar-low = lowPrio (callPackage ../tools/bar/bar.nix { });

  inherit (callPackages ../tools/bar/tools.nix { }) bar-cli bar-gui;

  inherit (darwin) sigtool;

  python3Packages.extra = null;

  "quoted-name" = stdenv.mkDerivation { name = "quoted"; };

  ${"dyn" + "amic"} = null;

  ripgrep-override = ripgrep.override { };

  fooWithPlugins = import ../applications/misc/foo { inherit lib; };
}
