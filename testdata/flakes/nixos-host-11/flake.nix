{
  description = "NixOS configuration for vega";

  inputs = {
    nixpkgs.url = github:NixOS/nixpkgs/nixos-unstable;
    home-manager = {
      url = "github:nix-community/home-manager/release-24.11";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    agenix = {
      url = "github:ryantm/agenix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    sops-nix = {
      url = "github:Mic92/sops-nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  nixConfig = {
    extra-experimental-features = [ "nix-command" "flakes" ];
    connect-timeout = 5;
    http-connections = 50;
    warn-dirty = false;
    allow-import-from-derivation = true;
    max-jobs = "auto";
    commit-lock-file-summary = "chore: update flake.lock";
  };

  outputs = { self, nixpkgs, home-manager, agenix, sops-nix, ... }@inputs:
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
          agenix.nixosModules.default
          sops-nix.nixosModules.sops
        ];
      };
    in
    {
      nixosConfigurations = nixpkgs.lib.genAttrs [ "vega" ] mkHost;
      formatter.${system} = nixpkgs.legacyPackages.${system}.nixpkgs-fmt;
      checks.${system}.vega = self.nixosConfigurations.vega.config.system.build.toplevel;
    };
}
