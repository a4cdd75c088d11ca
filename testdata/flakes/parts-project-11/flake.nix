{
  description = "imgshrink, built with flake-parts";

  inputs = {
    flake-parts = {
      url = "github:hercules-ci/flake-parts";
      inputs.nixpkgs-lib.follows = "nixpkgs";
    };
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    git-hooks = {
      url = "github:cachix/git-hooks.nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    systems.url = "github:nix-systems/default";
  };

  outputs = inputs@{ self, flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      imports = [
        inputs.git-hooks.flakeModule
      ];

      systems = import inputs.systems;

      perSystem = { config, pkgs, ... }: {
        packages.imgshrink =
          pkgs.rustPlatform.buildRustPackage {
            pname = "imgshrink";
            version = "3.4.4";
            src = ./.;
            cargoLock.lockFile = ./Cargo.lock;
            meta.mainProgram = "imgshrink";
          };
        packages.default = config.packages.imgshrink;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.cargo pkgs.rustc pkgs.rust-analyzer ];
        };

        apps.imgshrink.program = config.packages.imgshrink;
        pre-commit.settings.hooks.nixfmt-rfc-style.enable = true;
      };

      flake = {
        overlays.default =
          final: prev: {
            direnv-wrapped = final.writeShellScriptBin "direnv-wrapped" ''
              exec ${prev.direnv}/bin/direnv "$@"
            '';
          };
      };
    };
}
