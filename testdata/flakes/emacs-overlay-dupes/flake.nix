{
  description = "Emacs built from an init.el with emacs-overlay";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils.url = "github:numtide/flake-utils";
    # no follows: emacs-overlay keeps its own nixpkgs and nixpkgs-stable
    emacs-overlay.url = "github:nix-community/emacs-overlay";
  };

  outputs = { self, nixpkgs, flake-utils, emacs-overlay }:
    flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" ] (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          overlays = [ emacs-overlay.overlays.default ];
        };
        emacs = pkgs.emacsWithPackagesFromUsePackage {
          config = ./init.el;
          defaultInitFile = true;
          package = pkgs.emacs-pgtk;
          alwaysEnsure = true;
          extraEmacsPackages = epkgs: [ epkgs.treesit-grammars.with-all-grammars ];
        };
      in
      {
        packages.default = emacs;
        apps.default = {
          type = "app";
          program = "${emacs}/bin/emacs";
        };
      });
}
