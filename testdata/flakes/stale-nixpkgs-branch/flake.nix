# DELIBERATE FLAW (STALE LOCK): inputs.nixpkgs.url was bumped from
# "github:NixOS/nixpkgs/nixos-24.11" to "github:NixOS/nixpkgs/nixos-25.05"
# but `nix flake lock` was not re-run. flake.lock still records
# original.ref = "nixos-24.11" for node "nixpkgs", so the lock is out of date
# (Nix would re-lock it: "Updated input 'nixpkgs'").
{
  description = "Kiosk machine (lock file not updated after the nixpkgs bump)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    home-manager = {
      url = "github:nix-community/home-manager/release-24.11";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, home-manager }: {
    nixosConfigurations.kiosk = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        home-manager.nixosModules.home-manager
        ({ pkgs, ... }: {
          services.cage = {
            enable = true;
            user = "kiosk";
            program = "${pkgs.firefox}/bin/firefox --kiosk https://status.example.org";
          };
          users.users.kiosk.isNormalUser = true;
          home-manager.users.kiosk.home.stateVersion = "24.11";
          boot.loader.systemd-boot.enable = true;
          fileSystems."/" = { device = "/dev/disk/by-label/nixos"; fsType = "ext4"; };
          system.stateVersion = "24.11";
        })
      ];
    };
  };
}
