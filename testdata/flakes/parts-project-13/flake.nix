{
  description = "rss2mail, built with flake-parts";

  inputs = {
    flake-parts = {
      url = "github:hercules-ci/flake-parts";
    };
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    treefmt-nix = {
      url = "github:numtide/treefmt-nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    git-hooks = {
      url = "github:cachix/git-hooks.nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      imports = [
        inputs.treefmt-nix.flakeModule
        inputs.git-hooks.flakeModule
      ];

      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];

      perSystem = { config, pkgs, ... }: {
        packages.rss2mail =
          pkgs.buildNpmPackage {
            pname = "rss2mail";
            version = "2.4.5";
            src = ./.;
            npmDepsHash = "sha256-15Z3GIaH57MrQ96dI2Wh/4rm8anj1JRxm+VCOU2Z990=";
            meta.mainProgram = "rss2mail";
          };
        packages.default = config.packages.rss2mail;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.nodejs pkgs.typescript ];
        };

        apps.rss2mail.program = config.packages.rss2mail;

        treefmt.programs.nixfmt.enable = true;
        pre-commit.settings.hooks.nixfmt-rfc-style.enable = true;
      };

      flake = {
        overlays.default =
          final: prev: {
            bat-wrapped = final.writeShellScriptBin "bat-wrapped" ''
              exec ${prev.bat}/bin/bat "$@"
            '';
          };
      };
    };
}
