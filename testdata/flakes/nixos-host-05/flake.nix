{
  description = "NixOS configuration for europa, umbriel, fornax";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    lanzaboote = {
      url = "github:nix-community/lanzaboote/v0.4.2";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, lanzaboote, ... }@inputs:
    let
      system = "x86_64-linux";
      overlay =
        _: prev: {
          tmux = prev.tmux.overrideAttrs (old: {
            doCheck = false;
            meta = old.meta // { priority = 4; };
          });
        };
    in
    {
      nixosConfigurations.europa = nixpkgs.lib.nixosSystem {
        specialArgs = { inherit inputs; };
        modules = [
          ./hosts/europa/configuration.nix
          {
            nixpkgs.overlays = [ overlay ];
            system.configurationRevision = self.rev or self.dirtyRev or null;
          }
          lanzaboote.nixosModules.lanzaboote
        ];
      };
      nixosConfigurations.umbriel = nixpkgs.lib.nixosSystem {
        specialArgs = { inherit inputs; };
        modules = [
          ./hosts/umbriel/configuration.nix
          {
            nixpkgs.overlays = [ overlay ];
            system.configurationRevision = self.rev or self.dirtyRev or null;
          }
          lanzaboote.nixosModules.lanzaboote
        ];
      };
      nixosConfigurations.fornax = nixpkgs.lib.nixosSystem {
        inherit system;
        specialArgs = { inherit inputs; };
        modules = [
          ./hosts/fornax/configuration.nix
          {
            nixpkgs.overlays = [ overlay ];
            system.configurationRevision = self.rev or self.dirtyRev or null;
          }
          lanzaboote.nixosModules.lanzaboote
        ];
      };

      formatter.${system} = nixpkgs.legacyPackages.${system}.alejandra;
    };
}
