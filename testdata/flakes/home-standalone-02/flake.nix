{
  description = "Home Manager configuration of bob";

  inputs = {
    nixpkgs.url = github:NixOS/nixpkgs/nixos-25.05;
    home-manager = {
      url = "github:nix-community/home-manager/release-25.05";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { nixpkgs, home-manager, ... }:
    let
      system = "aarch64-darwin";
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
      homeConfigurations."bob@deimos" = home-manager.lib.homeManagerConfiguration {
        inherit pkgs;
        modules = [
          ./home.nix
        ];
      };

      formatter.aarch64-darwin = pkgs.nixfmt-rfc-style;
    };
}
