{
  description = "ripsync - rsync-like file synchronisation in Rust";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";

    crane = {
      url = "github:ipetkov/crane";
      inputs.nixpkgs.follows = "nixpkgs";
    };

    flake-utils.url = "github:numtide/flake-utils";

    rust-overlay = {
      url = "github:oxalica/rust-overlay";
      inputs.nixpkgs.follows = "nixpkgs";
    };

    advisory-db = {
      url = "github:rustsec/advisory-db";
      flake = false;
    };
  };

  outputs = { self, nixpkgs, crane, flake-utils, rust-overlay, advisory-db, ... }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          overlays = [ (import rust-overlay) ];
        };

        rustToolchain = pkgs.rust-bin.stable.latest.default.override {
          extensions = [ "rust-src" "rust-analyzer" ];
          targets = [ "x86_64-unknown-linux-musl" ];
        };

        craneLib = (crane.mkLib pkgs).overrideToolchain rustToolchain;
        src = craneLib.cleanCargoSource (craneLib.path ./.);

        commonArgs = {
          inherit src;
          strictDeps = true;
          nativeBuildInputs = [ pkgs.pkg-config ];
          buildInputs = [ pkgs.openssl ]
            ++ pkgs.lib.optionals pkgs.stdenv.isDarwin [ pkgs.darwin.apple_sdk.frameworks.Security ];
        };

        cargoArtifacts = craneLib.buildDepsOnly commonArgs;

        ripsync = craneLib.buildPackage (commonArgs // {
          inherit cargoArtifacts;
          doCheck = false;
        });
      in
      {
        checks = {
          inherit ripsync;
          ripsync-clippy = craneLib.cargoClippy (commonArgs // {
            inherit cargoArtifacts;
            cargoClippyExtraArgs = "--all-targets -- --deny warnings";
          });
          ripsync-doc = craneLib.cargoDoc (commonArgs // { inherit cargoArtifacts; });
          ripsync-fmt = craneLib.cargoFmt { inherit src; };
          ripsync-audit = craneLib.cargoAudit { inherit src advisory-db; };
          ripsync-nextest = craneLib.cargoNextest (commonArgs // { inherit cargoArtifacts; });
        };

        packages.default = ripsync;

        apps.default = flake-utils.lib.mkApp { drv = ripsync; };

        devShells.default = craneLib.devShell {
          checks = self.checks.${system};
          packages = [ pkgs.cargo-watch pkgs.cargo-edit ];
        };
      });
}
