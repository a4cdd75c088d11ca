{
  description = "Firmware build environment (Linux hosts only)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    systems.url = "github:nix-systems/default-linux";
    flake-utils = {
      url = "github:numtide/flake-utils";
      inputs.systems.follows = "systems";
    };
  };

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-linux" ] (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
        armPkgs = pkgs.pkgsCross.arm-embedded;
      in
      {
        packages.firmware = armPkgs.stdenv.mkDerivation {
          pname = "keyboard-firmware";
          version = "2.3.0";
          src = ./.;
          nativeBuildInputs = [ pkgs.cmake pkgs.ninja pkgs.python3 ];
          installPhase = ''
            install -Dm644 build/firmware.uf2 $out/firmware.uf2
          '';
        };
        packages.default = self.packages.${system}.firmware;

        devShells.default = pkgs.mkShell {
          packages = [
            armPkgs.buildPackages.gcc
            pkgs.cmake
            pkgs.ninja
            pkgs.picotool
            pkgs.openocd
          ];
        };
      });
}
