# DELIBERATE FLAW (LOCK MISSING AN INPUT): the treefmt-nix input was added to
# flake.nix after flake.lock was written. The lock has no "treefmt-nix" node
# and the root node has no "treefmt-nix" edge (Nix would report
# "Added input 'treefmt-nix'" and "Added input 'treefmt-nix/nixpkgs'").
{
  description = "Protocol buffer definitions with generated clients";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils.url = "github:numtide/flake-utils";
    treefmt-nix = {
      url = "github:numtide/treefmt-nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, flake-utils, treefmt-nix }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
        treefmtEval = treefmt-nix.lib.evalModule pkgs {
          projectRootFile = "flake.nix";
          programs.nixfmt.enable = true;
          programs.clang-format.enable = true;
          programs.buf.enable = true;
        };
      in
      {
        packages.default = pkgs.stdenvNoCC.mkDerivation {
          name = "protos";
          src = ./.;
          nativeBuildInputs = [ pkgs.buf pkgs.protoc-gen-go pkgs.protoc-gen-go-grpc ];
          buildPhase = "buf generate --output $out";
          dontInstall = true;
        };

        formatter = treefmtEval.config.build.wrapper;
        checks.formatting = treefmtEval.config.build.check self;

        devShells.default = pkgs.mkShell {
          packages = [ pkgs.buf pkgs.grpcurl ];
        };
      });
}
