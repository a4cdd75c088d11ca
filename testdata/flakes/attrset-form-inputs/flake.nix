{
  description = "Inputs written in attribute-set form instead of URLs";

  inputs = {
    nixpkgs = {
      type = "github";
      owner = "NixOS";
      repo = "nixpkgs";
      ref = "nixos-24.11";
    };
    nixpkgs-old = {
      type = "github";
      owner = "NixOS";
      repo = "nixpkgs";
      rev = "a9858885e197f984d92d7fe64e9fff6b2e488d40";
    };
    utils = {
      type = "github";
      owner = "numtide";
      repo = "flake-utils";
    };
    docs-theme = {
      type = "git";
      url = "https://github.com/acme-corp/docs-theme.git";
      ref = "stable";
      shallow = true;
      flake = false;
    };
    gitlab-data = {
      type = "gitlab";
      owner = "acme-corp";
      repo = "geodata";
      host = "gitlab.example.com";
      flake = false;
    };
    overlays-flake = {
      type = "path";
      path = "/etc/nixos/overlays-flake";
    };
  };

  outputs = { self, nixpkgs, nixpkgs-old, utils, docs-theme, gitlab-data, overlays-flake }:
    utils.lib.eachDefaultSystem (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          overlays = [ overlays-flake.overlays.default ];
        };
        oldPkgs = nixpkgs-old.legacyPackages.${system};
      in
      {
        packages.docs = pkgs.stdenvNoCC.mkDerivation {
          name = "acme-docs";
          src = ./.;
          nativeBuildInputs = [ oldPkgs.mkdocs ];
          buildPhase = ''
            cp -r ${docs-theme} theme
            cp -r ${gitlab-data}/countries data
            mkdocs build --site-dir $out
          '';
          dontInstall = true;
        };
        packages.default = self.packages.${system}.docs;
      });
}
