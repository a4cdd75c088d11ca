{
  description = "logslurp: a small python tool";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
    flake-utils = {
      url = "github:numtide/flake-utils";
      inputs.systems.follows = "systems";
    };
    systems.url = "github:nix-systems/default";
  };

  nixConfig = {
    bash-prompt = ''\[\e[1;32m\]dev\[\e[0m\]$ '';
    bash-prompt-suffix = " ";
  };

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-linux" ] (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          overlays = [ self.overlays.default ];
        };
      in
      {
        packages.logslurp =
          pkgs.python3Packages.buildPythonApplication {
            pname = "logslurp";
            version = "3.12.4";
            src = ./.;
            pyproject = true;
            build-system = [ pkgs.python3Packages.hatchling ];
            meta.mainProgram = "logslurp";
          };
        packages.default = self.packages.${system}.logslurp;

        apps.default = {
          type = "app";
          program = "${self.packages.${system}.logslurp}/bin/logslurp";
          meta.description = "Run logslurp";
        };

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.logslurp ];
          packages = [ pkgs.python3 pkgs.uv pkgs.ruff ];
        };

        formatter = pkgs.alejandra;
      }
    ) // {
      overlays.default =
        final: prev: {
          curl-wrapped = final.writeShellScriptBin "curl-wrapped" ''
            exec ${prev.curl}/bin/curl "$@"
          '';
        };
    };
}
