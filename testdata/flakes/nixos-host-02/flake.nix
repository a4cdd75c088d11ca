{
  description = "NixOS configuration for io, mimas, europa";

  inputs = {
    nixpkgs.url = github:NixOS/nixpkgs/nixos-24.11;
    agenix = {
      url = "github:ryantm/agenix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    lanzaboote = {
      url = "github:nix-community/lanzaboote/v0.4.2";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    nixpkgs-unstable.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  outputs = { self, nixpkgs, agenix, lanzaboote, nixpkgs-unstable, ... }@inputs:
    let
      system = "x86_64-linux";
      overlay =
        _final: prev: {
          htop = prev.htop.overrideAttrs (old: {
            doCheck = false;
            meta = old.meta // { priority = 4; };
          });
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
          agenix.nixosModules.default
          lanzaboote.nixosModules.lanzaboote
        ];
      };
    in
    {
      nixosConfigurations = nixpkgs.lib.genAttrs [ "io" "mimas" "europa" ] mkHost;
      formatter.${system} = nixpkgs.legacyPackages.${system}.nixpkgs-fmt;
      checks.${system}.io = self.nixosConfigurations.io.config.system.build.toplevel;
    };
}
