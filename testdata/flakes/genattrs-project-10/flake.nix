{
  description = ''chatbridge (c), plain nixpkgs with genAttrs'';

  inputs = {
    nixpkgs = {
      url = "github:NixOS/nixpkgs";
    };
  };

  outputs = { self, nixpkgs }:
    let
      forAllSystems = f: nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-linux" ] (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = forAllSystems (pkgs: {
        default =
          pkgs.stdenv.mkDerivation {
            pname = "chatbridge";
            version = "3.14.8";
            src = ./.;
            nativeBuildInputs = [ pkgs.meson pkgs.ninja ];
            meta.mainProgram = "chatbridge";
          };
      });

      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell { packages = [ pkgs.meson pkgs.ninja pkgs.clang-tools ]; };
      });

      apps = forAllSystems (pkgs: {
        default = {
          type = "app";
          program = pkgs.lib.getExe self.packages.${pkgs.stdenv.hostPlatform.system}.default;
        };
      });

      formatter = forAllSystems (pkgs: pkgs.nixfmt-rfc-style);
    };
}
