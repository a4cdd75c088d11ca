{
  description = ''
    mdcat-lite: a small node tool
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    flake-utils = {
      url = "github:numtide/flake-utils";
      inputs.systems.follows = "systems";
    };
    systems.url = "github:nix-systems/default-linux";
  };

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ] (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        packages.mdcat-lite =
          pkgs.buildNpmPackage {
            pname = "mdcat-lite";
            version = "1.17.8";
            src = ./.;
            npmDepsHash = "sha256-15Z3GIaH57MrQ96dI2Wh/4rm8anj1JRxm+VCOU2Z990=";
            meta.mainProgram = "mdcat-lite";
          };
        packages.default = self.packages.${system}.mdcat-lite;

        apps.default = {
          type = "app";
          program = "${self.packages.${system}.mdcat-lite}/bin/mdcat-lite";
          meta.description = "Run mdcat-lite";
        };

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.mdcat-lite ];
          packages = [ pkgs.nodejs pkgs.typescript ];
        };

        checks.mdcat-lite = pkgs.runCommand "mdcat-lite-version" { } ''
          ${pkgs.lib.getExe self.packages.${system}.mdcat-lite} --version > $out
        '';

        formatter = pkgs.nixpkgs-fmt;
      }
    ) // {
      overlays.default =
        _final: prev: {
          hello = prev.hello.overrideAttrs (old: {
            doCheck = false;
            meta = old.meta // { priority = 4; };
          });
        };
    };
}
