{
  description = "Homelab: three NixOS hosts";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    # Neither of these follows our nixpkgs, so the lock carries extra nixpkgs copies.
    home-manager.url = "github:nix-community/home-manager/release-24.11";
    sops-nix.url = "github:Mic92/sops-nix";
    disko = {
      url = "github:nix-community/disko";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    nixos-hardware.url = "github:NixOS/nixos-hardware";
    impermanence.url = "github:nix-community/impermanence";
  };

  outputs = { self, nixpkgs, home-manager, sops-nix, disko, nixos-hardware, impermanence }:
    let
      mkHost = hostName: extraModules: nixpkgs.lib.nixosSystem {
        system = "x86_64-linux";
        specialArgs = { inherit self; };
        modules = [
          ./hosts/common.nix
          ./hosts/${hostName}.nix
          sops-nix.nixosModules.sops
          disko.nixosModules.disko
          home-manager.nixosModules.home-manager
          { networking.hostName = hostName; }
        ] ++ extraModules;
      };
    in
    {
      nixosConfigurations = {
        nas = mkHost "nas" [ impermanence.nixosModules.impermanence ];
        router = mkHost "router" [ ];
        mini = mkHost "mini" [ nixos-hardware.nixosModules.intel-nuc-8i7beh ];
      };

      checks.x86_64-linux = nixpkgs.lib.mapAttrs'
        (name: cfg: nixpkgs.lib.nameValuePair "host-${name}" cfg.config.system.build.toplevel)
        self.nixosConfigurations;
    };
}
