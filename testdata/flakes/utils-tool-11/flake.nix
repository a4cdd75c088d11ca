{
  description = ''feedreader: a small go tool'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs";
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
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        packages.feedreader =
          pkgs.buildGoModule {
            pname = "feedreader";
            version = "1.4.0";
            src = ./.;
            vendorHash = null;
            meta.mainProgram = "feedreader";
          };
        packages.default = self.packages.${system}.feedreader;

        apps.default = {
          type = "app";
          program = "${self.packages.${system}.feedreader}/bin/feedreader";
          meta.description = "Run feedreader";
        };

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.feedreader ];
          packages = [ pkgs.go pkgs.gopls ];
        };

        checks.feedreader = pkgs.runCommand "feedreader-version" { } ''
          ${pkgs.lib.getExe self.packages.${system}.feedreader} --version > $out
        '';

        formatter = pkgs.nixpkgs-fmt;
      });
}
