{
  description = "Our internal package set as a nixpkgs overlay";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  };

  outputs = { self, nixpkgs, ... }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" ];
      eachSystem = f: nixpkgs.lib.genAttrs systems (system: f (import nixpkgs {
        inherit system;
        overlays = [ self.overlays.default ];
      }));
    in
    {
      overlays = {
        default = nixpkgs.lib.composeManyExtensions [ self.overlays.tools self.overlays.python ];

        tools = final: prev: {
          acme-cli = final.callPackage ./pkgs/acme-cli.nix { };
          jq = prev.jq.overrideAttrs (old: {
            patches = (old.patches or [ ]) ++ [ ./pkgs/jq-sort-keys-default.patch ];
          });
        };

        python = final: prev: {
          pythonPackagesExtensions = prev.pythonPackagesExtensions ++ [
            (pyFinal: pyPrev: {
              acme-sdk = pyFinal.callPackage ./pkgs/acme-sdk.nix { };
            })
          ];
        };
      };

      legacyPackages = eachSystem (pkgs: pkgs);

      packages = eachSystem (pkgs: {
        inherit (pkgs) acme-cli;
        acme-sdk = pkgs.python3Packages.acme-sdk;
      });

      lib = {
        version = "2025.03";
        maintainers = import ./maintainers.nix;
      };
    };
}
