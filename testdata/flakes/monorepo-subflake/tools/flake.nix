{
  description = "Build tooling for the monorepo (also usable on its own)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let pkgs = nixpkgs.legacyPackages.${system}; in
      {
        packages.codegen = pkgs.writeShellApplication {
          name = "codegen";
          runtimeInputs = [ pkgs.protobuf pkgs.protoc-gen-go pkgs.buf ];
          text = "buf generate";
        };
        packages.lint-all = pkgs.writeShellApplication {
          name = "lint-all";
          runtimeInputs = [ pkgs.golangci-lint pkgs.shellcheck pkgs.statix ];
          text = ''
            golangci-lint run ./...
            statix check .
          '';
        };
      });
}
