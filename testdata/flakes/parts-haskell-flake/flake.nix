{
  description = "servant-based todo API";

  inputs = {
    nixpkgs.url = "github:nixos/nixpkgs/nixpkgs-unstable";
    flake-parts.url = "github:hercules-ci/flake-parts";
    haskell-flake.url = "github:srid/haskell-flake";
    systems.url = "github:nix-systems/default";
    treefmt-nix.url = "github:numtide/treefmt-nix";
    treefmt-nix.inputs.nixpkgs.follows = "nixpkgs";
  };

  outputs = inputs:
    inputs.flake-parts.lib.mkFlake { inherit inputs; } {
      systems = import inputs.systems;
      imports = [
        inputs.haskell-flake.flakeModule
        inputs.treefmt-nix.flakeModule
      ];

      perSystem = { self', config, pkgs, ... }: {
        haskellProjects.default = {
          basePackages = pkgs.haskell.packages.ghc96;
          packages = {
            servant.source = "0.20.2";
          };
          settings = {
            todo-api = {
              haddock = false;
            };
          };
          devShell = {
            tools = hp: { fourmolu = hp.fourmolu; };
            hlsCheck.enable = false;
          };
        };

        treefmt.programs = {
          ormolu.enable = true;
          ormolu.package = pkgs.haskellPackages.fourmolu;
          nixpkgs-fmt.enable = true;
          cabal-fmt.enable = true;
        };

        packages.default = self'.packages.todo-api;
        apps.default = self'.apps.todo-api;

        devShells.default = pkgs.mkShell {
          inputsFrom = [
            config.haskellProjects.default.outputs.devShell
            config.treefmt.build.devShell
          ];
        };
      };
    };
}
