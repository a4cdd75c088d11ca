{
  description = "Neovim distribution built with nixvim; deduplicated with deep follows";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

    flake-parts = {
      url = "github:hercules-ci/flake-parts";
      inputs.nixpkgs-lib.follows = "nixpkgs";
    };

    flake-utils = {
      url = "github:numtide/flake-utils";
      # url override of a transitive input instead of a follows
      inputs.systems.url = "github:nix-systems/x86_64-linux";
    };

    nixvim = {
      url = "github:nix-community/nixvim";
      inputs.nixpkgs.follows = "nixpkgs";
      inputs.flake-parts.follows = "flake-parts";
      inputs.nuschtosSearch.inputs.flake-utils.follows = "flake-utils";
      inputs.nuschtosSearch.inputs.ixx.inputs.flake-utils.follows = "flake-utils";
    };
  };

  outputs = inputs@{ flake-parts, nixvim, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" ];

      perSystem = { pkgs, system, ... }:
        let
          nvim = nixvim.legacyPackages.${system}.makeNixvimWithModule {
            inherit pkgs;
            module = import ./config;
          };
        in
        {
          packages.default = nvim;
          checks.default = nixvim.lib.${system}.check.mkTestDerivationFromNixvimModule {
            inherit pkgs;
            module = import ./config;
          };
        };
    };
}
