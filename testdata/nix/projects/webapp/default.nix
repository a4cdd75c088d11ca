{ pkgs ? import <nixpkgs> { }
, lib ? pkgs.lib
}:

let
  src = lib.cleanSourceWith {
    src = ./.;
    filter = path: type:
      let base = baseNameOf path;
      in !(type == "directory" && base == "node_modules") && !(lib.hasSuffix ".log" base);
  };

  frontend = pkgs.buildNpmPackage {
    pname = "webapp-frontend";
    version = "0.1.0";
    inherit src;
    npmDepsHash = lib.fakeHash;
    installPhase = ''
      cp -r dist $out
    '';
  };

  backend = pkgs.buildGoModule {
    pname = "webapp-backend";
    version = "0.1.0";
    src = ./backend;
    vendorHash = null;
    preBuild = ''
      cp -r ${frontend} web/dist
    '';
  };
in
{
  inherit frontend backend;
  default = backend;
}
