{
  description = ''
    NixOS configuration for europa, ganymede, helios
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    home-manager = {
      url = "github:nix-community/home-manager";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    sops-nix = {
      url = "github:Mic92/sops-nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, home-manager, sops-nix, ... }@inputs:
    let
      system = "x86_64-linux";
      overlay =
        _: prev: {
          htop = prev.htop.overrideAttrs (old: {
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
          home-manager.nixosModules.home-manager
          {
            home-manager.useGlobalPkgs = true;
            home-manager.useUserPackages = true;
            home-manager.users.peggy = import ./home/peggy.nix;
          }
          sops-nix.nixosModules.sops
        ];
      };
    in
    {
      nixosConfigurations = nixpkgs.lib.genAttrs [ "europa" "ganymede" "helios" ] mkHost;
      formatter.${system} = nixpkgs.legacyPackages.${system}.nixfmt-rfc-style;
      checks.${system}.europa = self.nixosConfigurations.europa.config.system.build.toplevel;
    };
}
