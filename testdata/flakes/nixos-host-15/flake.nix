{
  description = ''
    NixOS configuration for xena
  '';

  inputs = {
    nixpkgs.url = github:NixOS/nixpkgs/nixos-24.11;
    home-manager = {
      url = "github:nix-community/home-manager/release-24.11";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    stylix = {
      url = "github:nix-community/stylix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    agenix = {
      url = "github:ryantm/agenix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, home-manager, stylix, agenix, ... }@inputs:
    let
      system = "x86_64-linux";
      overlay =
        final: super: {
          direnv-wrapped = final.writeShellScriptBin "direnv-wrapped" ''
            exec ${super.direnv}/bin/direnv "$@"
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
            home-manager.users.judy = import ./home/judy.nix;
          }
          stylix.nixosModules.stylix
          agenix.nixosModules.default
        ];
      };
    in
    {
      nixosConfigurations = nixpkgs.lib.genAttrs [ "xena" ] mkHost;
      formatter.${system} = nixpkgs.legacyPackages.${system}.alejandra;
      checks.${system}.xena = self.nixosConfigurations.xena.config.system.build.toplevel;
    };
}
