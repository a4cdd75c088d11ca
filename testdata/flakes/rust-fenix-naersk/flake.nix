{
  description = "wasm game built with fenix toolchains and naersk";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    fenix = {
      url = "github:nix-community/fenix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    # naersk takes nixpkgs from the flake registry; we did not override it.
    naersk.url = "github:nix-community/naersk";
  };

  outputs = { self, nixpkgs, fenix, naersk }:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
      toolchain = with fenix.packages.${system};
        combine [
          minimal.rustc
          minimal.cargo
          targets.wasm32-unknown-unknown.latest.rust-std
        ];
      naersk' = naersk.lib.${system}.override {
        cargo = toolchain;
        rustc = toolchain;
      };
    in
    {
      packages.${system} = {
        default = naersk'.buildPackage {
          src = ./.;
          CARGO_BUILD_TARGET = "wasm32-unknown-unknown";
        };
        native = naersk'.buildPackage { src = ./.; };
      };

      devShells.${system}.default = pkgs.mkShell {
        nativeBuildInputs = [
          toolchain
          fenix.packages.${system}.rust-analyzer
          pkgs.wasm-bindgen-cli
          pkgs.trunk
        ];
      };
    };
}
