{
  description = "tiny HTTP echo server, built with flake-parts";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-parts.url = "github:hercules-ci/flake-parts";
  };

  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" "x86_64-darwin" ];

      perSystem = { config, self', inputs', pkgs, system, ... }: {
        packages.echo-server = pkgs.buildGoModule {
          pname = "echo-server";
          version = "1.0.3";
          src = ./.;
          vendorHash = null;
        };
        packages.default = self'.packages.echo-server;

        apps.default = {
          type = "app";
          program = "${config.packages.echo-server}/bin/echo-server";
        };

        devShells.default = pkgs.mkShell {
          inputsFrom = [ config.packages.echo-server ];
          packages = [ pkgs.gopls pkgs.delve ];
        };

        formatter = pkgs.nixfmt-rfc-style;
      };
    };
}
