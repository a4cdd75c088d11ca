{
  description = ''backupctl, built with flake-parts'';

  inputs = {
    flake-parts.url = "github:hercules-ci/flake-parts";
    nixpkgs.url = "github:NixOS/nixpkgs";
  };

  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" "aarch64-linux" ];

      perSystem = { config, pkgs, ... }: {
        packages.backupctl =
          pkgs.buildNpmPackage {
            pname = "backupctl";
            version = "2.15.7";
            src = ./.;
            npmDepsHash = "sha256-15Z3GIaH57MrQ96dI2Wh/4rm8anj1JRxm+VCOU2Z990=";
            meta.mainProgram = "backupctl";
          };
        packages.default = config.packages.backupctl;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.nodejs pkgs.typescript ];
        };

        checks.build = config.packages.backupctl;

        formatter = pkgs.nixfmt-rfc-style;
      };

      flake = {
        overlays.default =
          final: super: {
            bat-wrapped = final.writeShellScriptBin "bat-wrapped" ''
              exec ${super.bat}/bin/bat "$@"
            '';
          };
        nixosModules.default = { config, lib, pkgs, ... }: {
          options.services.backupctl.enable = lib.mkEnableOption "backupctl";
          config = lib.mkIf config.services.backupctl.enable {
            environment.systemPackages = [ pkgs.jq ];
          };
        };
      };
    };
}
