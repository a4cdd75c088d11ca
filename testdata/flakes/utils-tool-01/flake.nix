{
  description = "hashbrown: a small python tool";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    flake-utils = {
      url = "github:numtide/flake-utils";
    };
  };

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ] (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        packages.hashbrown =
          pkgs.python3Packages.buildPythonApplication {
            pname = "hashbrown";
            version = "2.17.5";
            src = ./.;
            pyproject = true;
            build-system = [ pkgs.python3Packages.hatchling ];
            meta.mainProgram = "hashbrown";
          };
        packages.default = self.packages.${system}.hashbrown;

        apps.default = {
          type = "app";
          program = "${self.packages.${system}.hashbrown}/bin/hashbrown";
          meta.description = "Run hashbrown";
        };

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.hashbrown ];
          packages = [ pkgs.python3 pkgs.uv pkgs.ruff ];
        };

        formatter = pkgs.alejandra;
      });
}
