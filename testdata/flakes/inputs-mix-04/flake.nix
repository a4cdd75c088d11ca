{
  description = "Flake with many kinds of inputs: dataset, vendored, pinned";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs";
    dataset = {
      url = "https://downloads.example.org/data/cities-2025.tar.gz";
      flake = false;
    };
    vendored = {
      url = "git+https://git.example.com/vendor/sources.git?submodules=1";
      flake = false;
    };
    pinned.url = "github:NixOS/nixpkgs/a25407a10724c73e0735645e00a1a2662dbac8ed";
  };

  nixConfig = {
    bash-prompt-prefix = ''(indented) '';
    flake-registry = "https://registry.example.org/flake-registry.json";
    extra-substituters = [ https://cache.example.com ];
  };

  outputs = { self, nixpkgs, ... }@inputs:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      packages.${system}.sources = pkgs.linkFarm "sources" [
        { name = "dataset"; path = inputs.dataset; }
        { name = "vendored"; path = inputs.vendored; }
        { name = "pinned"; path = inputs.pinned; }
      ];

      devShells.${system}.default = pkgs.mkShell {
        packages = [ pkgs.bat pkgs.tmux ];
      };
    };
}
