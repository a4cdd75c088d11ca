{
  description = ''shortener (zig), plain nixpkgs with genAttrs'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
  };

  outputs = { self, nixpkgs }:
    let
      forAllSystems = f: nixpkgs.lib.genAttrs nixpkgs.lib.systems.flakeExposed (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = forAllSystems (pkgs: {
        default =
          pkgs.stdenv.mkDerivation {
            pname = "shortener";
            version = "1.4.1";
            src = ./.;
            nativeBuildInputs = [ pkgs.zig.hook ];
            meta.mainProgram = "shortener";
          };
      });

      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell { packages = [ pkgs.zig pkgs.zls ]; };
      });

      apps = forAllSystems (pkgs: {
        default = {
          type = "app";
          program = pkgs.lib.getExe self.packages.${pkgs.stdenv.hostPlatform.system}.default;
        };
      });

      checks = forAllSystems (pkgs: {
        package = self.packages.${pkgs.stdenv.hostPlatform.system}.default;
      });

      formatter = forAllSystems (pkgs: pkgs.nixpkgs-fmt);

      overlays.default =
        final: super: {
          git-wrapped = final.writeShellScriptBin "git-wrapped" ''
            exec ${super.git}/bin/git "$@"
          '';
        };
    };
}
