{
  description = "NixOS configuration for ymir";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    home-manager = {
      url = "github:nix-community/home-manager/release-24.11";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    nixpkgs-unstable.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  outputs = inputs@{ self, nixpkgs, home-manager, nixpkgs-unstable, ... }:
    let
      system = "x86_64-linux";
      overlay =
        final: prev: {
          tmux-wrapped = final.writeShellScriptBin "tmux-wrapped" ''
            exec ${prev.tmux}/bin/tmux "$@"
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
            home-manager.users.mallory = import ./home/mallory.nix;
          }
        ];
      };
    in
    {
      nixosConfigurations = nixpkgs.lib.genAttrs [ "ymir" ] mkHost;
      formatter.${system} = nixpkgs.legacyPackages.${system}.nixpkgs-fmt;
      checks.${system}.ymir = self.nixosConfigurations.ymir.config.system.build.toplevel;
    };
}
