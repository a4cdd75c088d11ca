final: prev:

let
  toolchain = prev.rust-bin.stable.latest.default.override {
    extensions = [ "rust-src" "rust-analyzer" ];
    targets = [ "wasm32-unknown-unknown" ];
  };
in
{
  rustToolchain = toolchain;
  rustPlatformStable = prev.makeRustPlatform {
    cargo = toolchain;
    rustc = toolchain;
  };
}
