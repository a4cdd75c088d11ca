{
  description = "Monorepo root; build tooling lives in the ./tools sub-flake";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    tools = {
      url = "path:./tools";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, tools }:
    let
      forAllSystems = nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-darwin" ];
    in
    {
      packages = forAllSystems (system: {
        backend = nixpkgs.legacyPackages.${system}.callPackage ./backend { };
        default = self.packages.${system}.backend;
      });

      devShells = forAllSystems (system: {
        default = nixpkgs.legacyPackages.${system}.mkShell {
          inputsFrom = [ self.packages.${system}.backend ];
          packages = [ tools.packages.${system}.codegen tools.packages.${system}.lint-all ];
        };
      });
    };
}
