{
  description = ''tinyproxy-ng: a small go tool'';

  inputs = {
    nixpkgs.url = github:NixOS/nixpkgs/nixpkgs-unstable;
    flake-utils = {
      url = "github:numtide/flake-utils";
    };
  };

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        packages.tinyproxy-ng =
          pkgs.buildGoModule {
            pname = "tinyproxy-ng";
            version = "0.15.6";
            src = ./.;
            vendorHash = null;
            meta.mainProgram = "tinyproxy-ng";
          };
        packages.default = self.packages.${system}.tinyproxy-ng;

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.tinyproxy-ng ];
          packages = [ pkgs.go pkgs.gopls ];
        };

        checks.tinyproxy-ng = pkgs.runCommand "tinyproxy-ng-version" { } ''
          ${pkgs.lib.getExe self.packages.${system}.tinyproxy-ng} --version > $out
        '';

        formatter = pkgs.nixfmt-rfc-style;
      }
    ) // {
      overlays.default =
        final: super: {
          direnv-wrapped = final.writeShellScriptBin "direnv-wrapped" ''
            exec ${super.direnv}/bin/direnv "$@"
          '';
        };
    };
}
