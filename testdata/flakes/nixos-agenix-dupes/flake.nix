{
  description = "VPS running a Matrix homeserver, secrets with agenix";

  inputs = {
    nixpkgs.url = "github:nixos/nixpkgs/nixos-unstable";
    # agenix pulls in nix-darwin, home-manager and its own nixpkgs;
    # nothing is pinned to ours.
    agenix.url = "github:ryantm/agenix";
    home-manager = {
      url = "github:nix-community/home-manager";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = inputs@{ self, nixpkgs, agenix, home-manager }: {
    nixosConfigurations.matrix = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        agenix.nixosModules.default
        home-manager.nixosModules.home-manager
        ({ config, pkgs, ... }: {
          age.secrets.synapse-registration = {
            file = ./secrets/synapse-registration.age;
            owner = "matrix-synapse";
          };
          services.matrix-synapse = {
            enable = true;
            settings.server_name = "example.org";
            extraConfigFiles = [ config.age.secrets.synapse-registration.path ];
          };
          environment.systemPackages = [ agenix.packages.x86_64-linux.default ];
          boot.loader.grub.device = "/dev/vda";
          fileSystems."/" = { device = "/dev/vda1"; fsType = "ext4"; };
          home-manager.users.root.home.stateVersion = "24.11";
          system.stateVersion = "24.11";
        })
      ];
    };

    devShells.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.mkShell {
      packages = [ agenix.packages.x86_64-linux.agenix ];
    };
  };
}
