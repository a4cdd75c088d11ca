{
  description = "ledger-tools, built with haskell.nix";

  inputs = {
    haskellNix.url = "github:input-output-hk/haskell.nix";
    nixpkgs.follows = "haskellNix/nixpkgs-unstable";
    flake-utils.url = "github:numtide/flake-utils";
    CHaP = {
      url = "github:intersectmbo/cardano-haskell-packages?ref=repo";
      flake = false;
    };
    iohk-nix.url = "github:input-output-hk/iohk-nix";
    iohk-nix.inputs.nixpkgs.follows = "nixpkgs";
  };

  nixConfig = {
    extra-substituters = [ "https://cache.iog.io" ];
    extra-trusted-public-keys = [ "hydra.iohk.io:f/Ea+s+dFdN+3Y/G+FDgSq+a5NEWhJGzdjvKNGv0/EQ=" ];
    allow-import-from-derivation = true;
  };

  outputs = { self, nixpkgs, flake-utils, haskellNix, CHaP, iohk-nix }:
    flake-utils.lib.eachSystem [ "x86_64-linux" "x86_64-darwin" "aarch64-darwin" ] (system:
      let
        overlays = [
          haskellNix.overlay
          iohk-nix.overlays.crypto
          (final: prev: {
            ledgerToolsProject = final.haskell-nix.cabalProject' {
              src = ./.;
              compiler-nix-name = "ghc966";
              inputMap = { "https://chap.intersectmbo.org/" = CHaP; };
              shell.tools = {
                cabal = { };
                hlint = { };
                haskell-language-server = { };
              };
              shell.buildInputs = with final; [ nixpkgs-fmt ];
            };
          })
        ];
        pkgs = import nixpkgs { inherit system overlays; inherit (haskellNix) config; };
        flake = pkgs.ledgerToolsProject.flake { };
      in
      flake // {
        packages = flake.packages // {
          default = flake.packages."ledger-tools:exe:ledger-tools";
        };
      });
}
