{
  description = "chatbridge: a small rust tool";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils = {
      url = "github:numtide/flake-utils";
    };
  };

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          overlays = [ self.overlays.default ];
        };
      in
      {
        packages.chatbridge =
          pkgs.rustPlatform.buildRustPackage {
            pname = "chatbridge";
            version = "3.11.4";
            src = ./.;
            cargoLock.lockFile = ./Cargo.lock;
            meta.mainProgram = "chatbridge";
          };
        packages.default = self.packages.${system}.chatbridge;

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.chatbridge ];
          packages = [ pkgs.cargo pkgs.rustc pkgs.rust-analyzer ];
        };

        checks.chatbridge = pkgs.runCommand "chatbridge-version" { } ''
          ${pkgs.lib.getExe self.packages.${system}.chatbridge} --version > $out
        '';

        formatter = pkgs.nixpkgs-fmt;
      }
    ) // {
      overlays.default =
        _: prev: {
          bat = prev.bat.overrideAttrs (old: {
            doCheck = false;
            meta = old.meta // { priority = 4; };
          });
        };
    };
}
