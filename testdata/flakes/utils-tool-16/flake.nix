{
  description = "backupctl: a small python tool";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs";
    flake-utils = {
      url = "github:numtide/flake-utils";
      inputs.systems.follows = "systems";
    };
    systems.url = "github:nix-systems/x86_64-linux";
  };

  nixConfig.cores = 0;
  nixConfig.narinfo-cache-negative-ttl = 3600;
  nixConfig.fallback = true;

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ] (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        packages.backupctl =
          pkgs.python3Packages.buildPythonApplication {
            pname = "backupctl";
            version = "3.5.8";
            src = ./.;
            pyproject = true;
            build-system = [ pkgs.python3Packages.hatchling ];
            meta.mainProgram = "backupctl";
          };
        packages.default = self.packages.${system}.backupctl;

        apps.default = {
          type = "app";
          program = "${self.packages.${system}.backupctl}/bin/backupctl";
          meta.description = "Run backupctl";
        };

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.backupctl ];
          packages = [ pkgs.python3 pkgs.uv pkgs.ruff ];
        };

        formatter = pkgs.nixfmt-rfc-style;
      });
}
