{
  description = "leaseman, built with flake-parts";

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
    systems = {
      url = "github:nix-systems/default";
    };
  };

  nixConfig = {
    extra-experimental-features = [ "nix-command" "flakes" ];
    connect-timeout = 5;
    http-connections = 50;
    warn-dirty = false;
    allow-import-from-derivation = true;
    max-jobs = "auto";
    commit-lock-file-summary = "chore: update flake.lock";
  };

  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      imports = [
        inputs.git-hooks.flakeModule
      ];

      systems = import inputs.systems;

      perSystem = { config, pkgs, ... }: {
        packages.leaseman =
          pkgs.python3Packages.buildPythonApplication {
            pname = "leaseman";
            version = "2.15.1";
            src = ./.;
            pyproject = true;
            build-system = [ pkgs.python3Packages.hatchling ];
            meta.mainProgram = "leaseman";
          };
        packages.default = config.packages.leaseman;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.python3 pkgs.uv pkgs.ruff ];
        };

        checks.build = config.packages.leaseman;

        formatter = pkgs.nixfmt-rfc-style;
        pre-commit.settings.hooks.nixfmt-rfc-style.enable = true;
      };

      flake = {
        overlays.default =
          _final: prev: {
            htop = prev.htop.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        nixosModules.default = { config, lib, pkgs, ... }: {
          options.services.leaseman.enable = lib.mkEnableOption "leaseman";
          config = lib.mkIf config.services.leaseman.enable {
            environment.systemPackages = [ pkgs.bat ];
          };
        };
      };
    };
}
