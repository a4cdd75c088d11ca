{
  description = "Home Manager configuration of erin";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
    home-manager = {
      url = "github:nix-community/home-manager/release-24.11";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    nixvim = {
      url = "github:nix-community/nixvim";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    stylix = {
      url = "github:nix-community/stylix";
    };
  };

  outputs = { nixpkgs, home-manager, nixvim, stylix, ... }:
    let
      system = "aarch64-linux";
      pkgs = import nixpkgs {
        inherit system;
        overlays = [
          (self: super: {
            hello = super.hello.override { withExtras = true; };
          })
        ];
      };
    in
    {
      homeConfigurations."erin@mimas" = home-manager.lib.homeManagerConfiguration {
        inherit pkgs;
        modules = [
          ./home.nix
          nixvim.homeModules.nixvim
          stylix.homeModules.stylix
        ];
      };

      formatter.aarch64-linux = pkgs.nixfmt-rfc-style;
    };
}
