{
  description = "pastebin: a small rust tool";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils = {
      url = "github:numtide/flake-utils";
    };
  };

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        packages.pastebin =
          pkgs.rustPlatform.buildRustPackage {
            pname = "pastebin";
            version = "1.11.4";
            src = ./.;
            cargoLock.lockFile = ./Cargo.lock;
            meta.mainProgram = "pastebin";
          };
        packages.default = self.packages.${system}.pastebin;

        apps.default = {
          type = "app";
          program = "${self.packages.${system}.pastebin}/bin/pastebin";
          meta.description = "Run pastebin";
        };

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.pastebin ];
          packages = [ pkgs.cargo pkgs.rustc pkgs.rust-analyzer ];
        };

        checks.pastebin = pkgs.runCommand "pastebin-version" { } ''
          ${pkgs.lib.getExe self.packages.${system}.pastebin} --version > $out
        '';

        formatter = pkgs.nixfmt-rfc-style;
      });
}
