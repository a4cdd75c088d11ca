{
  description = ''
    NixOS configuration for zephyr
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    home-manager = {
      url = "github:nix-community/home-manager/release-24.11";
    };
    lanzaboote = {
      url = "github:nix-community/lanzaboote/v0.4.2";
    };
  };

  outputs = { self, nixpkgs, home-manager, lanzaboote, ... }@inputs:
    let
      system = "x86_64-linux";
      overlay =
        final: prev: {
          ripgrep-wrapped = final.writeShellScriptBin "ripgrep-wrapped" ''
            exec ${prev.ripgrep}/bin/ripgrep "$@"
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
            home-manager.users.peggy = import ./home/peggy.nix;
          }
          lanzaboote.nixosModules.lanzaboote
        ];
      };
    in
    {
      nixosConfigurations = nixpkgs.lib.genAttrs [ "zephyr" ] mkHost;
      formatter.${system} = nixpkgs.legacyPackages.${system}.alejandra;
      checks.${system}.zephyr = self.nixosConfigurations.zephyr.config.system.build.toplevel;
    };
}
