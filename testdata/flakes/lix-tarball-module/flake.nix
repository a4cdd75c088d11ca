{
  description = "NixOS host using Lix instead of CppNix (inputs are Forgejo tarballs)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

    lix = {
      url = "tarball+https://git.lix.systems/lix-project/lix/archive/main.tar.gz";
      flake = false;
    };

    lix-module = {
      url = "https://git.lix.systems/lix-project/nixos-module/archive/main.tar.gz";
      inputs.nixpkgs.follows = "nixpkgs";
      inputs.lix.follows = "lix";
    };
  };

  outputs = { self, nixpkgs, lix, lix-module }: {
    nixosConfigurations.builder = nixpkgs.lib.nixosSystem {
      system = "aarch64-linux";
      modules = [
        lix-module.nixosModules.default
        {
          nix.settings.experimental-features = [ "nix-command" "flakes" ];
          nix.settings.max-jobs = "auto";
          boot.loader.systemd-boot.enable = true;
          fileSystems."/" = { device = "/dev/disk/by-label/root"; fsType = "ext4"; };
          system.stateVersion = "24.11";
        }
      ];
    };
  };
}
