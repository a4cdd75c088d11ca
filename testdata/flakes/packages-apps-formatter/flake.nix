{
  description = "logfmt-grep: grep for logfmt lines";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs }:
    let
      inherit (nixpkgs) lib;
      forAllSystems = lib.genAttrs lib.systems.flakeExposed;
      version = builtins.substring 0 8 (self.lastModifiedDate or "19700101");
    in
    {
      packages = forAllSystems (system:
        let pkgs = nixpkgs.legacyPackages.${system}; in
        {
          logfmt-grep = pkgs.rustPlatform.buildRustPackage {
            pname = "logfmt-grep";
            inherit version;
            src = ./.;
            cargoLock.lockFile = ./Cargo.lock;
            meta = {
              description = "grep for logfmt";
              mainProgram = "lg";
              license = lib.licenses.asl20;
            };
          };
          default = self.packages.${system}.logfmt-grep;
        });

      apps = forAllSystems (system: {
        default = {
          type = "app";
          program = lib.getExe self.packages.${system}.default;
          meta.description = "Run logfmt-grep";
        };
        bench = {
          type = "app";
          program = "${nixpkgs.legacyPackages.${system}.hyperfine}/bin/hyperfine";
        };
      });

      checks = forAllSystems (system: {
        package = self.packages.${system}.default;
        clippy = self.packages.${system}.default.overrideAttrs (old: {
          pname = "logfmt-grep-clippy";
          nativeBuildInputs = old.nativeBuildInputs ++ [ nixpkgs.legacyPackages.${system}.clippy ];
          buildPhase = "cargo clippy --offline -- -D warnings";
          installPhase = "touch $out";
          doCheck = false;
        });
      });

      formatter = forAllSystems (system: nixpkgs.legacyPackages.${system}.nixfmt-rfc-style);
    };
}
