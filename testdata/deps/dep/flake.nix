{
  description = "Home configurations, a small stand-in for home-manager";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs, ... }:
    let
      systems = [ "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      forAllSystems = nixpkgs.lib.genAttrs systems;
    in
    {
      nixosModules = {
        home-manager = import ./modules/home-manager.nix;
        default = self.nixosModules.home-manager;
      };
      darwinModules.home-manager = ./modules/home-manager.nix;

      # `//` is shallow: a system on both sides would keep only the right
      # side's packages.
      packages = {
        x86_64-linux.docs = nixpkgs.legacyPackages.x86_64-linux.hello;
        x86_64-linux.default = self.packages.x86_64-linux.docs;
      } // forAllSystems (system: {
        default = self.packages.${system}.home-manager;
        home-manager = nixpkgs.legacyPackages.${system}.hello;
      });

      lib = {
        hm = import ./modules/lib.nix { inherit (nixpkgs) lib; };
        homeManagerConfiguration = { modules ? [ ], pkgs }: { inherit modules pkgs; };
        inherit (nixpkgs.lib) genAttrs;
      };

      overlays.default = final: prev: { home-manager = final.hello; };

      legacyPackages = nixpkgs.legacyPackages;
    };
}
