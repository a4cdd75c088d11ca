{
  description = ''feedreader, built with flake-parts'';

  inputs = {
    flake-parts = {
      url = "github:hercules-ci/flake-parts";
    };
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    git-hooks = {
      url = "github:cachix/git-hooks.nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      imports = [
        inputs.git-hooks.flakeModule
      ];

      systems = [ "x86_64-linux" "aarch64-linux" ];

      perSystem = { config, pkgs, ... }: {
        packages.feedreader =
          pkgs.python3Packages.buildPythonApplication {
            pname = "feedreader";
            version = "0.3.7";
            src = ./.;
            pyproject = true;
            build-system = [ pkgs.python3Packages.hatchling ];
            meta.mainProgram = "feedreader";
          };
        packages.default = config.packages.feedreader;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.python3 pkgs.uv pkgs.ruff ];
        };

        checks.build = config.packages.feedreader;

        formatter = pkgs.nixfmt-rfc-style;
        pre-commit.settings.hooks.nixfmt-rfc-style.enable = true;
      };

      flake = {
        overlays.default =
          self: super: {
            curl = super.curl.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        nixosModules.default = { config, lib, pkgs, ... }: {
          options.services.feedreader.enable = lib.mkEnableOption "feedreader";
          config = lib.mkIf config.services.feedreader.enable {
            environment.systemPackages = [ pkgs.direnv ];
          };
        };
      };
    };
}
