{
  description = "Home Manager configuration of frank";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
    home-manager = {
      url = "github:nix-community/home-manager/release-25.05";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    nixvim = {
      url = "github:nix-community/nixvim";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    emacs-overlay = {
      url = "github:nix-community/emacs-overlay";
    };
  };

  outputs = { nixpkgs, home-manager, nixvim, emacs-overlay, ... }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs {
        inherit system;
        overlays = [
          (self: super: {
            bat = super.bat.override { withExtras = true; };
          })
        ];
      };
    in
    {
      homeConfigurations."frank@phobos" = home-manager.lib.homeManagerConfiguration {
        inherit pkgs;
        modules = [
          ./home.nix
          nixvim.homeModules.nixvim
          { nixpkgs.overlays = [ emacs-overlay.overlays.default ]; }
        ];
      };

      formatter.x86_64-linux = pkgs.nixfmt-rfc-style;
    };
}
