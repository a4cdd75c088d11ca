# nix-build cross-compile-expression.nix -A arm.hello
{ nixpkgs ? <nixpkgs> }:

let
  pkgs = import nixpkgs { };
  mkCross = crossSystem: import nixpkgs {
    inherit crossSystem;
    overlays = [
      (final: prev: {
        # Tests cannot run under emulation.
        libuv = prev.libuv.overrideAttrs { doCheck = false; };
      })
    ];
  };
in
{
  arm = mkCross pkgs.lib.systems.examples.armv7l-hf-multiplatform;
  aarch64 = mkCross { config = "aarch64-unknown-linux-gnu"; };
  riscv = mkCross pkgs.lib.systems.examples.riscv64;
  windows = (mkCross pkgs.lib.systems.examples.mingwW64).pkgsStatic;
  musl = pkgs.pkgsMusl;

  summary = builtins.mapAttrs (name: ps: ps.stdenv.hostPlatform.config) {
    inherit (pkgs) pkgsMusl;
  };
}
