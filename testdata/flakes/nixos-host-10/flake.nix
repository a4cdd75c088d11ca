{
  description = "NixOS configuration for zephyr, io, vega";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    agenix = {
      url = "github:ryantm/agenix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    disko = {
      url = "github:nix-community/disko";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, agenix, disko, ... }@inputs:
    let
      system = "x86_64-linux";
      overlay =
        _: prev: {
          direnv = prev.direnv.overrideAttrs (old: {
            doCheck = false;
            meta = old.meta // { priority = 4; };
          });
        };
      mkHost = hostName: nixpkgs.lib.nixosSystem {
        inherit system;
        specialArgs = { inherit inputs; };
        modules = [
          ./hosts/${hostName}/configuration.nix
          { nixpkgs.overlays = [ overlay ]; }
          agenix.nixosModules.default
          disko.nixosModules.disko
        ];
      };
    in
    {
      nixosConfigurations = nixpkgs.lib.genAttrs [ "zephyr" "io" "vega" ] mkHost;
      formatter.${system} = nixpkgs.legacyPackages.${system}.nixfmt-rfc-style;
      checks.${system}.zephyr = self.nixosConfigurations.zephyr.config.system.build.toplevel;
    };
}
