{
  description = "NixOS configuration for phobos, mimas";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    nixpkgs-unstable.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  outputs = { self, nixpkgs, nixpkgs-unstable, ... }@inputs:
    let
      system = "x86_64-linux";
      overlay =
        _final: prev: {
          ripgrep = prev.ripgrep.overrideAttrs (old: {
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
        ];
      };
    in
    {
      nixosConfigurations = nixpkgs.lib.genAttrs [ "phobos" "mimas" ] mkHost;
      formatter.${system} = nixpkgs.legacyPackages.${system}.nixfmt-rfc-style;
      checks.${system}.phobos = self.nixosConfigurations.phobos.config.system.build.toplevel;
    };
}
