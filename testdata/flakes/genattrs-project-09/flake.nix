{
  description = ''
    mdcat-lite (c), plain nixpkgs with genAttrs
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs";
  };

  nixConfig.cores = 0;
  nixConfig.narinfo-cache-negative-ttl = 3600;
  nixConfig.fallback = true;

  outputs = { self, nixpkgs }:
    let
      forAllSystems = f: nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-linux" ] (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = forAllSystems (pkgs: {
        default =
          pkgs.stdenv.mkDerivation {
            pname = "mdcat-lite";
            version = "2.9.1";
            src = ./.;
            nativeBuildInputs = [ pkgs.meson pkgs.ninja ];
            meta.mainProgram = "mdcat-lite";
          };
      });

      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell { packages = [ pkgs.meson pkgs.ninja pkgs.clang-tools ]; };
      });

      checks = forAllSystems (pkgs: {
        package = self.packages.${pkgs.stdenv.hostPlatform.system}.default;
      });

      formatter = forAllSystems (pkgs: pkgs.nixpkgs-fmt);
    };
}
