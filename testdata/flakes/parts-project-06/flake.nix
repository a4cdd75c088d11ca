{
  description = "qrgen, built with flake-parts";

  inputs = {
    flake-parts = {
      url = "github:hercules-ci/flake-parts";
      inputs.nixpkgs-lib.follows = "nixpkgs";
    };
    nixpkgs.url = github:NixOS/nixpkgs;
    treefmt-nix = {
      url = "github:numtide/treefmt-nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    systems.url = "github:nix-systems/default";
  };

  outputs = inputs@{ self, flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      imports = [
        inputs.treefmt-nix.flakeModule
      ];

      systems = import inputs.systems;

      perSystem = { config, pkgs, ... }: {
        packages.qrgen =
          pkgs.buildNpmPackage {
            pname = "qrgen";
            version = "0.6.9";
            src = ./.;
            npmDepsHash = "sha256-15Z3GIaH57MrQ96dI2Wh/4rm8anj1JRxm+VCOU2Z990=";
            meta.mainProgram = "qrgen";
          };
        packages.default = config.packages.qrgen;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.nodejs pkgs.typescript ];
        };

        apps.qrgen.program = config.packages.qrgen;

        treefmt.programs.nixfmt.enable = true;
      };

      flake = {
        overlays.default =
          _: prev: {
            wget = prev.wget.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        nixosModules.default = { config, lib, pkgs, ... }: {
          options.services.qrgen.enable = lib.mkEnableOption "qrgen";
          config = lib.mkIf config.services.qrgen.enable {
            environment.systemPackages = [ pkgs.curl ];
          };
        };
      };
    };
}
