{
  description = "Static site generator with pre-commit hooks and treefmt";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-parts.url = "github:hercules-ci/flake-parts";
    treefmt-nix.url = "github:numtide/treefmt-nix";
    # no follows here: git-hooks and treefmt-nix bring their own nixpkgs
    git-hooks.url = "github:cachix/git-hooks.nix";
  };

  outputs = inputs@{ self, flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      imports = [
        inputs.treefmt-nix.flakeModule
        inputs.git-hooks.flakeModule
      ];

      systems = [ "x86_64-linux" "aarch64-darwin" ];

      perSystem = { config, pkgs, lib, ... }: {
        treefmt = {
          projectRootFile = "flake.nix";
          programs.nixfmt.enable = true;
          programs.prettier.enable = true;
          programs.ruff-format.enable = true;
        };

        pre-commit.settings.hooks = {
          treefmt.enable = true;
          typos.enable = true;
          check-merge-conflicts.enable = true;
        };

        packages.default = pkgs.python3Packages.buildPythonApplication {
          pname = "stagen";
          version = "0.9.0";
          pyproject = true;
          src = lib.cleanSource ./.;
          build-system = [ pkgs.python3Packages.hatchling ];
          dependencies = with pkgs.python3Packages; [ jinja2 markdown pyyaml ];
        };

        devShells.default = pkgs.mkShell {
          shellHook = config.pre-commit.installationScript;
          inputsFrom = [ config.treefmt.build.devShell ];
          packages = [ pkgs.python3 pkgs.hatch ];
        };
      };
    };
}
