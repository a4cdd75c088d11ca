{
  description = "sitegen, built with flake-parts";

  inputs = {
    flake-parts = {
      url = "github:hercules-ci/flake-parts";
    };
    nixpkgs.url = "github:NixOS/nixpkgs";
    treefmt-nix = {
      url = "github:numtide/treefmt-nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  nixConfig = {
    extra-experimental-features = [ "nix-command" "flakes" ];
    connect-timeout = 5;
    http-connections = 50;
    warn-dirty = false;
    allow-import-from-derivation = true;
    max-jobs = "auto";
    commit-lock-file-summary = "chore: update flake.lock";
  };

  outputs = inputs@{ self, flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      imports = [
        inputs.treefmt-nix.flakeModule
      ];

      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];

      perSystem = { config, pkgs, ... }: {
        packages.sitegen =
          pkgs.stdenv.mkDerivation {
            pname = "sitegen";
            version = "0.18.0";
            src = ./.;
            nativeBuildInputs = [ pkgs.zig.hook ];
            meta.mainProgram = "sitegen";
          };
        packages.default = config.packages.sitegen;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.zig pkgs.zls ];
        };

        apps.sitegen.program = config.packages.sitegen;

        checks.build = config.packages.sitegen;

        treefmt.programs.nixfmt.enable = true;
      };

      flake = {
        overlays.default =
          final: super: {
            neovim-wrapped = final.writeShellScriptBin "neovim-wrapped" ''
              exec ${super.neovim}/bin/neovim "$@"
            '';
          };
      };
    };
}
