{
  description = "NixOS module for the acme-agent service";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs = { self, nixpkgs }:
    let
      forAllSystems = nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-linux" ];
    in
    {
      nixosModules = {
        acme-agent = import ./modules/acme-agent.nix { inherit self; };
        default = self.nixosModules.acme-agent;
      };

      packages = forAllSystems (system: {
        acme-agent = nixpkgs.legacyPackages.${system}.callPackage ./package.nix { };
        default = self.packages.${system}.acme-agent;
      });

      checks = forAllSystems (system: {
        vm-test = nixpkgs.legacyPackages.${system}.nixosTest {
          name = "acme-agent";
          nodes.machine = {
            imports = [ self.nixosModules.default ];
            services.acme-agent.enable = true;
          };
          testScript = ''
            machine.wait_for_unit("acme-agent.service")
            machine.succeed("acme-agent --version")
          '';
        };
      });
    };
}
