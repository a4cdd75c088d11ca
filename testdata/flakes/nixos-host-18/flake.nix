{
  description = ''NixOS configuration for mimas, xena, fornax'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    home-manager = {
      url = "github:nix-community/home-manager/release-25.05";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    agenix = {
      url = "github:ryantm/agenix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, home-manager, agenix, ... }@inputs:
    let
      system = "x86_64-linux";
      overlay =
        _final: prev: {
          htop = prev.htop.overrideAttrs (old: {
            doCheck = false;
            meta = old.meta // { priority = 4; };
          });
        };
    in
    {
      nixosConfigurations.mimas = nixpkgs.lib.nixosSystem {
        specialArgs = { inherit inputs; };
        modules = [
          ./hosts/mimas/configuration.nix
          {
            nixpkgs.overlays = [ overlay ];
            system.configurationRevision = self.rev or self.dirtyRev or null;
          }
          home-manager.nixosModules.home-manager
          {
            home-manager.useGlobalPkgs = true;
            home-manager.useUserPackages = true;
            home-manager.users.alice = import ./home/alice.nix;
          }
          agenix.nixosModules.default
        ];
      };
      nixosConfigurations.xena = nixpkgs.lib.nixosSystem {
        specialArgs = { inherit inputs; };
        modules = [
          ./hosts/xena/configuration.nix
          {
            nixpkgs.overlays = [ overlay ];
            system.configurationRevision = self.rev or self.dirtyRev or null;
          }
          home-manager.nixosModules.home-manager
          {
            home-manager.useGlobalPkgs = true;
            home-manager.useUserPackages = true;
            home-manager.users.alice = import ./home/alice.nix;
          }
          agenix.nixosModules.default
        ];
      };
      nixosConfigurations.fornax = nixpkgs.lib.nixosSystem {
        specialArgs = { inherit inputs; };
        modules = [
          ./hosts/fornax/configuration.nix
          {
            nixpkgs.overlays = [ overlay ];
            system.configurationRevision = self.rev or self.dirtyRev or null;
          }
          home-manager.nixosModules.home-manager
          {
            home-manager.useGlobalPkgs = true;
            home-manager.useUserPackages = true;
            home-manager.users.alice = import ./home/alice.nix;
          }
          agenix.nixosModules.default
        ];
      };

      formatter.${system} = nixpkgs.legacyPackages.${system}.nixfmt-rfc-style;
    };
}
