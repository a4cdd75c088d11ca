{
  description = "NixOS configuration for juno";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    home-manager = {
      url = "github:nix-community/home-manager/release-25.05";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    stylix = {
      url = "github:nix-community/stylix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    nixpkgs-unstable.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  outputs = { self, nixpkgs, home-manager, stylix, nixpkgs-unstable, ... }@inputs:
    let
      system = "x86_64-linux";
      overlay =
        final: prev: {
          curl-wrapped = final.writeShellScriptBin "curl-wrapped" ''
            exec ${prev.curl}/bin/curl "$@"
          '';
        };
      unstable = import nixpkgs-unstable {
        inherit system;
        config.allowUnfree = true;
      };
      mkHost = hostName: nixpkgs.lib.nixosSystem {
        inherit system;
        specialArgs = { inherit inputs unstable; };
        modules = [
          ./hosts/${hostName}/configuration.nix
          { nixpkgs.overlays = [ overlay ]; }
          home-manager.nixosModules.home-manager
          {
            home-manager.useGlobalPkgs = true;
            home-manager.useUserPackages = true;
            home-manager.users.bob = import ./home/bob.nix;
          }
          stylix.nixosModules.stylix
        ];
      };
    in
    {
      nixosConfigurations = nixpkgs.lib.genAttrs [ "juno" ] mkHost;
      formatter.${system} = nixpkgs.legacyPackages.${system}.nixfmt-rfc-style;
      checks.${system}.juno = self.nixosConfigurations.juno.config.system.build.toplevel;
    };
}
