{
  description = "Home Manager configuration of dave";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
    home-manager = {
      url = "github:nix-community/home-manager/release-25.05";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    nur = {
      url = "github:nix-community/NUR";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    emacs-overlay = {
      url = "github:nix-community/emacs-overlay";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { nixpkgs, home-manager, nur, emacs-overlay, ... }:
    let
      system = "aarch64-linux";
      pkgs = import nixpkgs {
        inherit system;
        overlays = [
          (self: super: {
            jq = super.jq.override { withExtras = true; };
          })
        ];
      };
    in
    {
      homeConfigurations."dave@juno" = home-manager.lib.homeManagerConfiguration {
        inherit pkgs;
        modules = [
          ./home.nix
          nur.modules.homeManager.default
          { nixpkgs.overlays = [ emacs-overlay.overlays.default ]; }
        ];
      };

      formatter.aarch64-linux = pkgs.nixfmt-rfc-style;
    };
}
