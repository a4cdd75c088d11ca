{
  description = "invoice-parser: extract line items from PDF invoices";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils.url = "github:numtide/flake-utils";
    poetry2nix = {
      url = "github:nix-community/poetry2nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, flake-utils, poetry2nix }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
        inherit (poetry2nix.lib.mkPoetry2Nix { inherit pkgs; }) mkPoetryApplication mkPoetryEnv defaultPoetryOverrides;
        overrides = defaultPoetryOverrides.extend (final: prev: {
          pdfminer-six = prev.pdfminer-six.overridePythonAttrs (old: {
            buildInputs = (old.buildInputs or [ ]) ++ [ prev.setuptools ];
          });
        });
      in
      {
        packages = {
          invoice-parser = mkPoetryApplication {
            projectDir = self;
            python = pkgs.python311;
            inherit overrides;
          };
          default = self.packages.${system}.invoice-parser;
        };

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.invoice-parser ];
          packages = [
            pkgs.poetry
            (mkPoetryEnv { projectDir = self; python = pkgs.python311; inherit overrides; })
          ];
        };
      });
}
