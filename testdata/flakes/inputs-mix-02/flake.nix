{
  description = ''Flake with many kinds of inputs: dataset, abs-share, docs-theme, pkgs-alias'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    dataset = {
      url = "https://downloads.example.org/data/cities-2025.tar.gz";
      flake = false;
    };
    abs-share.url = "path:/srv/nix/shared";
    docs-theme = {
      url = "git+https://git.example.net/web/theme.git?ref=stable&shallow=1";
      flake = false;
    };
    pkgs-alias.follows = "nixpkgs";
  };

  nixConfig = {
    substituters = [
      "https://cache.example.org"
      "https://mirror.example.net/nix"
    ];
    trusted-public-keys = [
      "cache.example.org-1:Z/10O1m1wVLSJyc41Oz5Qf7YZkDCnbw92d83C6r3150="
      "mirror.example.net-1:aBBpehXh5dOrxH6XD4GAxM6uo5P15dTXndnMii6Ac6k="
    ];
    builders-use-substitutes = true;
  };

  outputs = { self, nixpkgs, ... }@inputs:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      packages.${system}.sources = pkgs.linkFarm "sources" [
        { name = "dataset"; path = inputs.dataset; }
        { name = "abs-share"; path = inputs.abs-share; }
        { name = "docs-theme"; path = inputs.docs-theme; }
        { name = "pkgs-alias"; path = inputs.pkgs-alias; }
      ];

      devShells.${system}.default = pkgs.mkShell {
        packages = [ pkgs.neovim pkgs.git ];
      };
    };
}
