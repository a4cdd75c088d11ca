{
  description = "My machines";

  inputs = {
    nixpkgs.url = "github:nixos/nixpkgs/nixos-24.05";
    nixpkgs-unstable.url = "github:nixos/nixpkgs/nixos-unstable";
    home-manager = {
      url = "github:nix-community/home-manager/release-24.05";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    nixos-hardware.url = "github:NixOS/nixos-hardware";
  };

  outputs = inputs@{ self, nixpkgs, nixpkgs-unstable, home-manager, nixos-hardware, ... }:
    let
      mkHost = { hostname, system ? "x86_64-linux", extraModules ? [ ] }:
        nixpkgs.lib.nixosSystem {
          inherit system;
          specialArgs = {
            inherit inputs;
            unstable = import nixpkgs-unstable {
              inherit system;
              config.allowUnfree = true;
            };
          };
          modules = [
            ./hosts/${hostname}/configuration.nix
            home-manager.nixosModules.home-manager
            { networking.hostName = hostname; }
          ] ++ extraModules;
        };
    in
    {
      nixosConfigurations = {
        desktop = mkHost { hostname = "desktop"; };
        laptop = mkHost {
          hostname = "laptop";
          extraModules = [ nixos-hardware.nixosModules.lenovo-thinkpad-x1-9th-gen ];
        };
        pi = mkHost {
          hostname = "pi";
          system = "aarch64-linux";
        };
      };

      # Build all machines in CI.
      checks.x86_64-linux = builtins.mapAttrs (_: c: c.config.system.build.toplevel)
        (removeAttrs self.nixosConfigurations [ "pi" ]);
    };
}
