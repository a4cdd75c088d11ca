{
  description = "Web servers deployed with deploy-rs";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    deploy-rs = {
      url = "github:serokell/deploy-rs";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, deploy-rs }:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
      mkNode = hostname: {
        inherit hostname;
        sshUser = "deploy";
        user = "root";
        profiles.system.path =
          deploy-rs.lib.${system}.activate.nixos self.nixosConfigurations.${hostname};
      };
    in
    {
      nixosConfigurations = nixpkgs.lib.genAttrs [ "web1" "web2" ] (name:
        nixpkgs.lib.nixosSystem {
          inherit system;
          modules = [
            ./hosts/web.nix
            { networking.hostName = name; }
          ];
        });

      deploy = {
        magicRollback = true;
        autoRollback = true;
        nodes = {
          web1 = mkNode "web1";
          web2 = mkNode "web2" // { fastConnection = true; };
        };
      };

      checks = builtins.mapAttrs (system: deployLib: deployLib.deployChecks self.deploy) deploy-rs.lib;

      devShells.${system}.default = pkgs.mkShell {
        packages = [ deploy-rs.packages.${system}.deploy-rs ];
      };
    };
}
