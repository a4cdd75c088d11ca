{
  description = "cronjob-runner, built with flake-parts";

  inputs = {
    flake-parts = {
      url = "github:hercules-ci/flake-parts";
      inputs.nixpkgs-lib.follows = "nixpkgs";
    };
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  nixConfig = {
    extra-substituters = [ "https://cache.example.org" ];
    extra-trusted-public-keys = [ "cache.example.org-1:Xh7O4Gp/wG8wWuXBKs/np/Z7js5692ky7Tr6sAw8aSE=" ];
  };

  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" "aarch64-linux" ];

      perSystem = { config, pkgs, ... }: {
        packages.cronjob-runner =
          pkgs.stdenv.mkDerivation {
            pname = "cronjob-runner";
            version = "2.19.9";
            src = ./.;
            nativeBuildInputs = [ pkgs.zig.hook ];
            meta.mainProgram = "cronjob-runner";
          };
        packages.default = config.packages.cronjob-runner;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.zig pkgs.zls ];
        };

        apps.cronjob-runner.program = config.packages.cronjob-runner;
      };

      flake = {
        overlays.default =
          _final: prev: {
            jq = prev.jq.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        nixosModules.default = { config, lib, pkgs, ... }: {
          options.services.cronjob-runner.enable = lib.mkEnableOption "cronjob-runner";
          config = lib.mkIf config.services.cronjob-runner.enable {
            environment.systemPackages = [ pkgs.ripgrep ];
          };
        };
      };
    };
}
