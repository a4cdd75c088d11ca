{
  description = "Shared NixOS modules, overlays and helpers used across our infrastructure";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    flake-parts = {
      url = "github:hercules-ci/flake-parts";
      inputs.nixpkgs-lib.follows = "nixpkgs";
    };
    systems.url = "github:nix-systems/default";
  };

  outputs = inputs@{ self, nixpkgs, flake-parts, systems, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } ({ withSystem, ... }: {
      systems = import systems;

      flake = {
        nixosModules = {
          default = self.nixosModules.monitoring;
          monitoring = ./modules/monitoring.nix;
          hardening = import ./modules/hardening.nix;
        };

        overlays.default = final: prev: {
          node-exporter-textfiles = final.callPackage ./pkgs/node-exporter-textfiles.nix { };
        };

        lib = {
          mkHost = name: modules: nixpkgs.lib.nixosSystem {
            modules = [ self.nixosModules.default { networking.hostName = name; } ] ++ modules;
          };
        };

        nixosConfigurations.ci-runner = withSystem "x86_64-linux" ({ pkgs, ... }:
          self.lib.mkHost "ci-runner" [
            ./hosts/ci-runner.nix
            { nixpkgs.pkgs = pkgs; }
          ]);
      };

      perSystem = { pkgs, system, ... }: {
        _module.args.pkgs = import nixpkgs {
          inherit system;
          overlays = [ self.overlays.default ];
        };

        packages.node-exporter-textfiles = pkgs.node-exporter-textfiles;

        checks.monitoring = pkgs.testers.runNixOSTest {
          name = "monitoring";
          nodes.machine = { imports = [ self.nixosModules.monitoring ]; };
          testScript = ''
            machine.wait_for_unit("prometheus-node-exporter.service")
            machine.wait_for_open_port(9100)
          '';
        };
      };
    });
}
