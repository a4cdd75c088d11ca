# Build a Haskell project from a local checkout with a couple of overrides.
{ pkgs ? import <nixpkgs> { }, compiler ? "ghc96" }:

let
  inherit (pkgs) lib haskell;
  hlib = haskell.lib.compose;

  hpkgs = haskell.packages.${compiler}.override {
    overrides = self: super: {
      # tests need a running database
      postgresql-simple = hlib.dontCheck super.postgresql-simple;
      aeson = self.aeson_2_2_1_0 or super.aeson;
      my-project = self.callCabal2nix "my-project" (lib.cleanSource ./.) { };
    };
  };
in
{
  inherit (hpkgs) my-project;

  shell = hpkgs.shellFor {
    packages = p: [ p.my-project ];
    withHoogle = true;
    nativeBuildInputs = with hpkgs; [
      cabal-install
      haskell-language-server
      pkgs.ghcid
    ];
  };
}
