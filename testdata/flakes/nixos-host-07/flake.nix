{
  description = ''
    NixOS configuration for deimos
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    home-manager = {
      url = "github:nix-community/home-manager";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    lanzaboote = {
      url = "github:nix-community/lanzaboote/v0.4.2";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    nixos-hardware = {
      url = "github:NixOS/nixos-hardware";
    };
  };

  outputs = { self, nixpkgs, home-manager, lanzaboote, nixos-hardware, ... }@inputs:
    let
      system = "x86_64-linux";
      overlay =
        final: prev: {
          hello-wrapped = final.writeShellScriptBin "hello-wrapped" ''
            exec ${prev.hello}/bin/hello "$@"
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
            home-manager.users.mallory = import ./home/mallory.nix;
          }
          lanzaboote.nixosModules.lanzaboote
          nixos-hardware.nixosModules.common-cpu-amd
        ];
      };
    in
    {
      nixosConfigurations = nixpkgs.lib.genAttrs [ "deimos" ] mkHost;
      formatter.${system} = nixpkgs.legacyPackages.${system}.alejandra;
      checks.${system}.deimos = self.nixosConfigurations.deimos.config.system.build.toplevel;
    };
}
