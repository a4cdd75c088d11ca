{
  description = "Outputs assembled from several sets with //";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    systems.url = "github:nix-systems/default";
    flake-utils = {
      url = "github:numtide/flake-utils";
      inputs.systems.follows = "systems";
    };
  };

  outputs = inputs@{ self, nixpkgs, flake-utils, ... }:
    let
      inherit (nixpkgs) lib;
      version = "1.2.0";

      perSystem = flake-utils.lib.eachDefaultSystem (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
          pgbouncer-exporter = pkgs.callPackage ./nix/package.nix { inherit version; };
        in
        {
          packages = {
            inherit pgbouncer-exporter;
            default = pgbouncer-exporter;
          };
          devShells.default = pkgs.mkShell { inputsFrom = [ pgbouncer-exporter ]; };
        });

      linuxOnly = flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-linux" ] (system: {
        checks.nixos-module = nixpkgs.legacyPackages.${system}.nixosTest {
          name = "pgbouncer-exporter";
          nodes.machine.imports = [ self.nixosModules.default ];
          testScript = ''
            machine.wait_for_unit("pgbouncer-exporter.service")
          '';
        };
      });

      global = {
        nixosModules.default = import ./nix/module.nix self;
        overlays.default = final: prev: {
          pgbouncer-exporter = self.packages.${prev.stdenv.hostPlatform.system}.default;
        };
      };
    in
    lib.recursiveUpdate perSystem linuxOnly // global // {
      lib.version = version;
    };
}
