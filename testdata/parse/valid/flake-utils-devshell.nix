{
  description = "A Go web service";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
        version = self.shortRev or self.dirtyShortRev or "dev";
      in
      {
        packages = {
          default = pkgs.buildGoModule {
            pname = "websvc";
            inherit version;
            src = ./.;
            vendorHash = null;
          };
        };

        apps.default = flake-utils.lib.mkApp {
          drv = self.packages.${system}.default;
        };

        devShells.default = pkgs.mkShell {
          packages = with pkgs; [ go gopls gotools golangci-lint ];
          shellHook = ''
            echo "go $(go version | cut -d' ' -f3) ready"
          '';
        };

        formatter = pkgs.nixpkgs-fmt;
      });
}
