{
  description = "imgshrink: a small node tool";

  inputs = {
    nixpkgs.url = github:NixOS/nixpkgs;
    flake-utils = {
      url = "github:numtide/flake-utils";
      inputs.systems.follows = "systems";
    };
    systems.url = "github:nix-systems/default-linux";
  };

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        packages.imgshrink =
          pkgs.buildNpmPackage {
            pname = "imgshrink";
            version = "1.15.1";
            src = ./.;
            npmDepsHash = "sha256-15Z3GIaH57MrQ96dI2Wh/4rm8anj1JRxm+VCOU2Z990=";
            meta.mainProgram = "imgshrink";
          };
        packages.default = self.packages.${system}.imgshrink;

        apps.default = {
          type = "app";
          program = "${self.packages.${system}.imgshrink}/bin/imgshrink";
          meta.description = "Run imgshrink";
        };

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.imgshrink ];
          packages = [ pkgs.nodejs pkgs.typescript ];
        };

        formatter = pkgs.nixpkgs-fmt;
      }
    ) // {
      overlays.default =
        _final: prev: {
          fd = prev.fd.overrideAttrs (old: {
            doCheck = false;
            meta = old.meta // { priority = 4; };
          });
        };
    };
}
