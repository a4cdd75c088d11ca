{
  description = "kvstore: a small rust tool";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    flake-utils = {
      url = "github:numtide/flake-utils";
      inputs.systems.follows = "systems";
    };
    systems.url = "github:nix-systems/default-linux";
  };

  nixConfig = {
    bash-prompt-prefix = ''(indented) '';
    flake-registry = "https://registry.example.org/flake-registry.json";
    extra-substituters = [ https://cache.example.com ];
  };

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        packages.kvstore =
          pkgs.rustPlatform.buildRustPackage {
            pname = "kvstore";
            version = "1.13.3";
            src = ./.;
            cargoLock.lockFile = ./Cargo.lock;
            meta.mainProgram = "kvstore";
          };
        packages.default = self.packages.${system}.kvstore;

        apps.default = {
          type = "app";
          program = "${self.packages.${system}.kvstore}/bin/kvstore";
          meta.description = "Run kvstore";
        };

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.kvstore ];
          packages = [ pkgs.cargo pkgs.rustc pkgs.rust-analyzer ];
        };

        checks.kvstore = pkgs.runCommand "kvstore-version" { } ''
          ${pkgs.lib.getExe self.packages.${system}.kvstore} --version > $out
        '';

        formatter = pkgs.nixpkgs-fmt;
      });
}
