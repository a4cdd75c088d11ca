{
  description = ''NixOS configuration for helios, sol'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    home-manager.url = "github:nix-community/home-manager/release-25.05";
    sops-nix.url = "github:Mic92/sops-nix";
  };

  outputs = inputs@{ self, nixpkgs, home-manager, sops-nix, ... }:
    let
      system = "x86_64-linux";
      overlay =
        final: super: {
          wget-wrapped = final.writeShellScriptBin "wget-wrapped" ''
            exec ${super.wget}/bin/wget "$@"
          '';
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
            home-manager.users.ivan = import ./home/ivan.nix;
          }
          sops-nix.nixosModules.sops
        ];
      };
    in
    {
      nixosConfigurations = nixpkgs.lib.genAttrs [ "helios" "sol" ] mkHost;
      formatter.${system} = nixpkgs.legacyPackages.${system}.alejandra;
      checks.${system}.helios = self.nixosConfigurations.helios.config.system.build.toplevel;
    };
}
