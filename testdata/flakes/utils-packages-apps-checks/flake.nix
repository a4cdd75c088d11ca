{
  description = "mdtoc - generate a table of contents for Markdown files";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          overlays = [ self.overlays.default ];
        };
      in
      {
        packages = {
          mdtoc = pkgs.mdtoc;
          default = self.packages.${system}.mdtoc;
        };

        apps = {
          mdtoc = {
            type = "app";
            program = "${self.packages.${system}.mdtoc}/bin/mdtoc";
            meta.description = "Print a table of contents for a Markdown file";
          };
          default = self.apps.${system}.mdtoc;
        };

        checks = {
          build = self.packages.${system}.default;
          readme-toc = pkgs.runCommand "readme-toc-up-to-date" {
            nativeBuildInputs = [ self.packages.${system}.mdtoc ];
          } ''
            mdtoc --check ${./README.md}
            touch $out
          '';
        };

        formatter = pkgs.nixpkgs-fmt;

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.mdtoc ];
          packages = [ pkgs.gopls pkgs.golangci-lint ];
        };
      })
    // {
      overlays.default = final: prev: {
        mdtoc = final.buildGoModule {
          pname = "mdtoc";
          version = "0.4.2";
          src = ./.;
          vendorHash = "sha256-x8Y0m4+yb1VVQBvDuU8qmC5/zQY2nYlqNBdVqN3rL0I=";
          meta.mainProgram = "mdtoc";
        };
      };
    };
}
