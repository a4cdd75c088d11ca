{
  description = ''
    shortener, built with flake-parts
  '';

  inputs = {
    flake-parts.url = "github:hercules-ci/flake-parts";
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    git-hooks = {
      url = "github:cachix/git-hooks.nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = inputs@{ self, flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      imports = [
        inputs.git-hooks.flakeModule
      ];

      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];

      perSystem = { config, pkgs, ... }: {
        packages.shortener =
          pkgs.buildNpmPackage {
            pname = "shortener";
            version = "1.7.9";
            src = ./.;
            npmDepsHash = "sha256-15Z3GIaH57MrQ96dI2Wh/4rm8anj1JRxm+VCOU2Z990=";
            meta.mainProgram = "shortener";
          };
        packages.default = config.packages.shortener;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.nodejs pkgs.typescript ];
        };

        apps.shortener.program = config.packages.shortener;

        formatter = pkgs.nixfmt-rfc-style;
        pre-commit.settings.hooks.nixfmt-rfc-style.enable = true;
      };

      flake = {
        overlays.default =
          self: super: {
            wget = super.wget.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        nixosModules.default = { config, lib, pkgs, ... }: {
          options.services.shortener.enable = lib.mkEnableOption "shortener";
          config = lib.mkIf config.services.shortener.enable {
            environment.systemPackages = [ pkgs.tmux ];
          };
        };
      };
    };
}
