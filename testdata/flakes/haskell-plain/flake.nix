{
  description = "pandoc filters written in Haskell";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
        haskellPackages = pkgs.haskell.packages.ghc98.override {
          overrides = hfinal: hprev: {
            pandoc-filters-extra = hfinal.callCabal2nix "pandoc-filters-extra" ./. { };
          };
        };
        jailbreakUnbreak = pkg:
          pkgs.haskell.lib.doJailbreak (pkg.overrideAttrs (_: { meta = { }; }));
      in
      {
        packages.pandoc-filters-extra = haskellPackages.pandoc-filters-extra;
        packages.default = self.packages.${system}.pandoc-filters-extra;

        devShells.default = haskellPackages.shellFor {
          packages = p: [ p.pandoc-filters-extra ];
          withHoogle = true;
          nativeBuildInputs = [
            haskellPackages.cabal-install
            haskellPackages.haskell-language-server
            haskellPackages.hlint
            (jailbreakUnbreak haskellPackages.ghcid)
          ];
        };
      });
}
