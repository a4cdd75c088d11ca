{
  description = "ledgerly, built with flake-parts";

  inputs = {
    flake-parts = {
      url = "github:hercules-ci/flake-parts";
      inputs.nixpkgs-lib.follows = "nixpkgs";
    };
    nixpkgs.url = github:NixOS/nixpkgs/nixos-24.11;
    systems.url = "github:nix-systems/default";
  };

  outputs = inputs@{ self, flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = import inputs.systems;

      perSystem = { config, pkgs, ... }: {
        packages.ledgerly =
          pkgs.python3Packages.buildPythonApplication {
            pname = "ledgerly";
            version = "2.19.4";
            src = ./.;
            pyproject = true;
            build-system = [ pkgs.python3Packages.hatchling ];
            meta.mainProgram = "ledgerly";
          };
        packages.default = config.packages.ledgerly;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.python3 pkgs.uv pkgs.ruff ];
        };

        apps.ledgerly.program = config.packages.ledgerly;

        checks.build = config.packages.ledgerly;

        formatter = pkgs.nixfmt-rfc-style;
      };

      flake = {
        overlays.default =
          self: super: {
            jq = super.jq.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        nixosModules.default = { config, lib, pkgs, ... }: {
          options.services.ledgerly.enable = lib.mkEnableOption "ledgerly";
          config = lib.mkIf config.services.ledgerly.enable {
            environment.systemPackages = [ pkgs.ripgrep ];
          };
        };
      };
    };
}
