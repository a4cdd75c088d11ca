{
  description = ''tasktrack, built with flake-parts'';

  inputs = {
    flake-parts.url = "github:hercules-ci/flake-parts";
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
  };

  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" "aarch64-darwin" ];

      perSystem = { config, pkgs, ... }: {
        packages.tasktrack =
          pkgs.buildNpmPackage {
            pname = "tasktrack";
            version = "1.15.9";
            src = ./.;
            npmDepsHash = "sha256-15Z3GIaH57MrQ96dI2Wh/4rm8anj1JRxm+VCOU2Z990=";
            meta.mainProgram = "tasktrack";
          };
        packages.default = config.packages.tasktrack;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.nodejs pkgs.typescript ];
        };

        apps.tasktrack.program = config.packages.tasktrack;

        checks.build = config.packages.tasktrack;
      };
    };
}
