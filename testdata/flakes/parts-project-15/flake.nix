{
  description = ''wordle-solver, built with flake-parts'';

  inputs = {
    flake-parts = {
      url = "github:hercules-ci/flake-parts";
      inputs.nixpkgs-lib.follows = "nixpkgs";
    };
    nixpkgs.url = github:NixOS/nixpkgs/nixpkgs-unstable;
    systems = {
      url = "github:nix-systems/default";
    };
  };

  outputs = inputs@{ self, flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = import inputs.systems;

      perSystem = { config, pkgs, ... }: {
        packages.wordle-solver =
          pkgs.python3Packages.buildPythonApplication {
            pname = "wordle-solver";
            version = "1.1.0";
            src = ./.;
            pyproject = true;
            build-system = [ pkgs.python3Packages.hatchling ];
            meta.mainProgram = "wordle-solver";
          };
        packages.default = config.packages.wordle-solver;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.python3 pkgs.uv pkgs.ruff ];
        };

        formatter = pkgs.nixfmt-rfc-style;
      };
    };
}
