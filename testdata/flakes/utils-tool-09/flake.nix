{
  description = ''qrgen: a small zig tool'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
    flake-utils = {
      url = "github:numtide/flake-utils";
    };
  };

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-linux" ] (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        packages.qrgen =
          pkgs.stdenv.mkDerivation {
            pname = "qrgen";
            version = "3.20.2";
            src = ./.;
            nativeBuildInputs = [ pkgs.zig.hook ];
            meta.mainProgram = "qrgen";
          };
        packages.default = self.packages.${system}.qrgen;

        apps.default = {
          type = "app";
          program = "${self.packages.${system}.qrgen}/bin/qrgen";
          meta.description = "Run qrgen";
        };

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.qrgen ];
          packages = [ pkgs.zig pkgs.zls ];
        };

        checks.qrgen = pkgs.runCommand "qrgen-version" { } ''
          ${pkgs.lib.getExe self.packages.${system}.qrgen} --version > $out
        '';

        formatter = pkgs.alejandra;
      });
}
