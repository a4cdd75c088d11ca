{
  description = "Home Manager configuration of carol";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    home-manager = {
      url = "github:nix-community/home-manager/release-24.11";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    stylix = {
      url = "github:nix-community/stylix";
    };
  };

  outputs = { nixpkgs, home-manager, stylix, ... }:
    let
      system = "aarch64-linux";
      pkgs = import nixpkgs {
        inherit system;
        overlays = [
          (self: super: {
            ripgrep = super.ripgrep.override { withExtras = true; };
          })
        ];
      };
    in
    {
      homeConfigurations."carol@ganymede" = home-manager.lib.homeManagerConfiguration {
        inherit pkgs;
        modules = [
          ./home.nix
          stylix.homeModules.stylix
        ];
      };

      formatter.aarch64-linux = pkgs.nixfmt-rfc-style;
    };
}
