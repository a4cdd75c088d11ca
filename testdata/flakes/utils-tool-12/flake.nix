{
  description = ''wordle-solver: a small go tool'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs";
    flake-utils = {
      url = "github:numtide/flake-utils";
    };
  };

  nixConfig.cores = 0;
  nixConfig.narinfo-cache-negative-ttl = 3600;
  nixConfig.fallback = true;

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachSystem [ "x86_64-linux" ] (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          overlays = [ self.overlays.default ];
        };
      in
      {
        packages.wordle-solver =
          pkgs.buildGoModule {
            pname = "wordle-solver";
            version = "3.14.3";
            src = ./.;
            vendorHash = null;
            meta.mainProgram = "wordle-solver";
          };
        packages.default = self.packages.${system}.wordle-solver;

        apps.default = {
          type = "app";
          program = "${self.packages.${system}.wordle-solver}/bin/wordle-solver";
          meta.description = "Run wordle-solver";
        };

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.wordle-solver ];
          packages = [ pkgs.go pkgs.gopls ];
        };

        checks.wordle-solver = pkgs.runCommand "wordle-solver-version" { } ''
          ${pkgs.lib.getExe self.packages.${system}.wordle-solver} --version > $out
        '';

        formatter = pkgs.nixpkgs-fmt;
      }
    ) // {
      overlays.default =
        _final: prev: {
          tmux = prev.tmux.overrideAttrs (old: {
            doCheck = false;
            meta = old.meta // { priority = 4; };
          });
        };
    };
}
