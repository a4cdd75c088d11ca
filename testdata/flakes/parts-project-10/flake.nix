{
  description = "metricsd, built with flake-parts";

  inputs = {
    flake-parts.url = "github:hercules-ci/flake-parts";
    nixpkgs.url = github:NixOS/nixpkgs/nixos-unstable;
    treefmt-nix = {
      url = "github:numtide/treefmt-nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    systems.url = "github:nix-systems/default";
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

  outputs = inputs@{ self, flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      imports = [
        inputs.treefmt-nix.flakeModule
      ];

      systems = import inputs.systems;

      perSystem = { config, pkgs, ... }: {
        packages.metricsd =
          pkgs.python3Packages.buildPythonApplication {
            pname = "metricsd";
            version = "2.18.2";
            src = ./.;
            pyproject = true;
            build-system = [ pkgs.python3Packages.hatchling ];
            meta.mainProgram = "metricsd";
          };
        packages.default = config.packages.metricsd;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.python3 pkgs.uv pkgs.ruff ];
        };

        apps.metricsd.program = config.packages.metricsd;

        treefmt.programs.nixfmt.enable = true;
      };

      flake = {
        overlays.default =
          _: prev: {
            curl = prev.curl.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
      };
    };
}
