{
  description = "hashbrown (python), plain nixpkgs with genAttrs";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  nixConfig.cores = 0;
  nixConfig.narinfo-cache-negative-ttl = 3600;
  nixConfig.fallback = true;

  outputs = { self, nixpkgs }:
    let
      forAllSystems = f: nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ] (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = forAllSystems (pkgs: {
        default =
          pkgs.python3Packages.buildPythonApplication {
            pname = "hashbrown";
            version = "2.12.6";
            src = ./.;
            pyproject = true;
            build-system = [ pkgs.python3Packages.hatchling ];
            meta.mainProgram = "hashbrown";
          };
      });

      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell { packages = [ pkgs.python3 pkgs.uv pkgs.ruff ]; };
      });

      checks = forAllSystems (pkgs: {
        package = self.packages.${pkgs.stdenv.hostPlatform.system}.default;
      });

      formatter = forAllSystems (pkgs: pkgs.nixfmt-rfc-style);

      overlays.default =
        final: prev: {
          fd-wrapped = final.writeShellScriptBin "fd-wrapped" ''
            exec ${prev.fd}/bin/fd "$@"
          '';
        };
    };
}
