{
  description = "invoice-cli: a small zig tool";

  inputs = {
    nixpkgs.url = github:NixOS/nixpkgs/nixos-unstable;
    flake-utils = {
      url = "github:numtide/flake-utils";
      inputs.systems.follows = "systems";
    };
    systems.url = "github:nix-systems/x86_64-linux";
  };

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        packages.invoice-cli =
          pkgs.stdenv.mkDerivation {
            pname = "invoice-cli";
            version = "3.8.3";
            src = ./.;
            nativeBuildInputs = [ pkgs.zig.hook ];
            meta.mainProgram = "invoice-cli";
          };
        packages.default = self.packages.${system}.invoice-cli;

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.invoice-cli ];
          packages = [ pkgs.zig pkgs.zls ];
        };

        formatter = pkgs.alejandra;
      }
    ) // {
      overlays.default =
        _: prev: {
          fd = prev.fd.overrideAttrs (old: {
            doCheck = false;
            meta = old.meta // { priority = 4; };
          });
        };
    };
}
