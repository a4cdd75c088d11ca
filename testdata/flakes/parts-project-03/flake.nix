{
  description = ''geoip-lookup, built with flake-parts'';

  inputs = {
    flake-parts = {
      url = "github:hercules-ci/flake-parts";
    };
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    treefmt-nix = {
      url = "github:numtide/treefmt-nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = inputs@{ self, flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      imports = [
        inputs.treefmt-nix.flakeModule
      ];

      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];

      perSystem = { config, pkgs, ... }: {
        packages.geoip-lookup =
          pkgs.python3Packages.buildPythonApplication {
            pname = "geoip-lookup";
            version = "2.17.6";
            src = ./.;
            pyproject = true;
            build-system = [ pkgs.python3Packages.hatchling ];
            meta.mainProgram = "geoip-lookup";
          };
        packages.default = config.packages.geoip-lookup;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.python3 pkgs.uv pkgs.ruff ];
        };

        treefmt.programs.nixfmt.enable = true;
      };

      flake = {
        overlays.default =
          self: super: {
            hello = super.hello.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        nixosModules.default = { config, lib, pkgs, ... }: {
          options.services.geoip-lookup.enable = lib.mkEnableOption "geoip-lookup";
          config = lib.mkIf config.services.geoip-lookup.enable {
            environment.systemPackages = [ pkgs.bat ];
          };
        };
      };
    };
}
