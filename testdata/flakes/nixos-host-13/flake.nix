{
  description = ''
    NixOS configuration for vega
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    home-manager = {
      url = "github:nix-community/home-manager";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    nixos-hardware = {
      url = "github:NixOS/nixos-hardware/master";
    };
  };

  outputs = inputs@{ self, nixpkgs, home-manager, nixos-hardware, ... }:
    let
      system = "x86_64-linux";
      overlay =
        final: super: {
          jq-wrapped = final.writeShellScriptBin "jq-wrapped" ''
            exec ${super.jq}/bin/jq "$@"
          '';
        };
    in
    {
      nixosConfigurations.vega = nixpkgs.lib.nixosSystem {
        specialArgs = { inherit inputs; };
        modules = [
          ./hosts/vega/configuration.nix
          {
            nixpkgs.overlays = [ overlay ];
            system.configurationRevision = self.rev or self.dirtyRev or null;
          }
          home-manager.nixosModules.home-manager
          {
            home-manager.useGlobalPkgs = true;
            home-manager.useUserPackages = true;
            home-manager.users.bob = import ./home/bob.nix;
          }
          nixos-hardware.nixosModules.common-cpu-amd
        ];
      };

      formatter.${system} = nixpkgs.legacyPackages.${system}.nixpkgs-fmt;
    };
}
