{
  description = ''
    Home Manager configuration of grace
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
    home-manager = {
      url = "github:nix-community/home-manager/release-25.05";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    emacs-overlay = {
      url = "github:nix-community/emacs-overlay";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { nixpkgs, home-manager, emacs-overlay, ... }:
    let
      system = "aarch64-darwin";
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
      homeConfigurations."grace@titan" = home-manager.lib.homeManagerConfiguration {
        inherit pkgs;
        modules = [
          ./home.nix
          { nixpkgs.overlays = [ emacs-overlay.overlays.default ]; }
        ];
      };

      formatter.aarch64-darwin = pkgs.nixfmt-rfc-style;
    };
}
