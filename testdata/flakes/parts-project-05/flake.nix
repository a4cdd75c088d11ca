{
  description = ''tinyproxy-ng, built with flake-parts'';

  inputs = {
    flake-parts = {
      url = "github:hercules-ci/flake-parts";
      inputs.nixpkgs-lib.follows = "nixpkgs";
    };
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    systems.url = "github:nix-systems/default";
  };

  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = import inputs.systems;

      perSystem = { config, pkgs, ... }: {
        packages.tinyproxy-ng =
          pkgs.stdenv.mkDerivation {
            pname = "tinyproxy-ng";
            version = "3.9.4";
            src = ./.;
            nativeBuildInputs = [ pkgs.meson pkgs.ninja ];
            meta.mainProgram = "tinyproxy-ng";
          };
        packages.default = config.packages.tinyproxy-ng;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.meson pkgs.ninja pkgs.clang-tools ];
        };

        apps.tinyproxy-ng.program = config.packages.tinyproxy-ng;

        checks.build = config.packages.tinyproxy-ng;

        formatter = pkgs.nixfmt-rfc-style;
      };
    };
}
