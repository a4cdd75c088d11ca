{
  description = "Flake with many kinds of inputs: srht-tools, vendored, pinned, dataset";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    srht-tools.url = "sourcehut:~sircmpwn/hare-tools/main";
    vendored = {
      url = "git+https://git.example.com/vendor/sources.git?submodules=1";
      flake = false;
    };
    pinned.url = "github:NixOS/nixpkgs/d3ad40837d49c707cf33c3c9aa6c709904d8dece";
    dataset = {
      url = "https://downloads.example.org/data/cities-2025.tar.gz";
      flake = false;
    };
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
        { name = "srht-tools"; path = inputs.srht-tools; }
        { name = "vendored"; path = inputs.vendored; }
        { name = "pinned"; path = inputs.pinned; }
        { name = "dataset"; path = inputs.dataset; }
      ];

      devShells.${system}.default = pkgs.mkShell {
        packages = [ pkgs.hello pkgs.direnv ];
      };
    };
}
