{
  description = "webhook-relay: forwards GitHub webhooks to internal services";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils.url = "github:numtide/flake-utils";
    gomod2nix = {
      url = "github:nix-community/gomod2nix";
      inputs.nixpkgs.follows = "nixpkgs";
      inputs.flake-utils.follows = "flake-utils";
    };
  };

  outputs = { self, nixpkgs, flake-utils, gomod2nix }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          overlays = [ gomod2nix.overlays.default ];
        };
      in
      {
        packages.default = pkgs.buildGoApplication {
          pname = "webhook-relay";
          version = "0.7.1";
          pwd = ./.;
          src = ./.;
          modules = ./gomod2nix.toml;
          subPackages = [ "cmd/webhook-relay" ];
          CGO_ENABLED = 0;
          ldflags = [ "-s" "-w" "-X main.version=0.7.1" ];
        };

        devShells.default = pkgs.mkShell {
          packages = [
            pkgs.go
            pkgs.gopls
            pkgs.gotools
            gomod2nix.packages.${system}.default
          ];
        };
      });
}
