{
  description = "tsdb-bench: benchmarks for time-series databases";

  # Locked in late 2023 with an older crane that still had its own inputs;
  # nothing follows, so the lock has two nixpkgs, two flake-utils, ...
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-23.11";
    flake-utils.url = "github:numtide/flake-utils";
    crane.url = "github:ipetkov/crane";
    rust-overlay.url = "github:oxalica/rust-overlay";
  };

  outputs = { self, nixpkgs, flake-utils, crane, rust-overlay }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          overlays = [ rust-overlay.overlays.default ];
        };
        toolchain = pkgs.rust-bin.nightly."2023-11-20".default;
        craneLib = (crane.mkLib pkgs).overrideToolchain toolchain;
        tsdb-bench = craneLib.buildPackage {
          src = craneLib.cleanCargoSource (craneLib.path ./.);
          nativeBuildInputs = [ pkgs.protobuf ];
        };
      in
      {
        packages.default = tsdb-bench;
        packages.tsdb-bench = tsdb-bench;
        checks.build = tsdb-bench;
        devShells.default = pkgs.mkShell {
          inputsFrom = [ tsdb-bench ];
          packages = [ toolchain pkgs.protobuf pkgs.grpcurl ];
        };
      });
}
