{
  description = "cronjob-runner: a small c tool";

  inputs = {
    nixpkgs.url = github:NixOS/nixpkgs/nixos-25.05;
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-linux" ] (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          overlays = [ self.overlays.default ];
        };
      in
      {
        packages.cronjob-runner =
          pkgs.stdenv.mkDerivation {
            pname = "cronjob-runner";
            version = "0.2.7";
            src = ./.;
            nativeBuildInputs = [ pkgs.meson pkgs.ninja ];
            meta.mainProgram = "cronjob-runner";
          };
        packages.default = self.packages.${system}.cronjob-runner;

        apps.default = {
          type = "app";
          program = "${self.packages.${system}.cronjob-runner}/bin/cronjob-runner";
          meta.description = "Run cronjob-runner";
        };

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.cronjob-runner ];
          packages = [ pkgs.meson pkgs.ninja pkgs.clang-tools ];
        };

        checks.cronjob-runner = pkgs.runCommand "cronjob-runner-version" { } ''
          ${pkgs.lib.getExe self.packages.${system}.cronjob-runner} --version > $out
        '';

        formatter = pkgs.nixfmt-rfc-style;
      }
    ) // {
      overlays.default =
        _: prev: {
          neovim = prev.neovim.overrideAttrs (old: {
            doCheck = false;
            meta = old.meta // { priority = 4; };
          });
        };
    };
}
