{
  description = "Old-style flake: deprecated default* outputs, legacyPackages and bundlers";

  inputs.nixpkgs.url = "nixpkgs/nixos-24.11";

  outputs = { self, nixpkgs }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs { inherit system; overlays = [ self.overlay ]; };
    in
    {
      overlay = final: prev: {
        hello-acme = prev.hello.overrideAttrs (old: { pname = "hello-acme"; });
      };

      nixosModule = { pkgs, ... }: {
        environment.systemPackages = [ pkgs.hello-acme ];
      };

      legacyPackages.${system} = pkgs;

      defaultPackage.${system} = pkgs.hello-acme;

      devShell.${system} = pkgs.mkShell { packages = [ pkgs.hello-acme ]; };

      defaultApp.${system} = {
        type = "app";
        program = "${pkgs.hello-acme}/bin/hello";
      };

      bundlers.${system} = {
        toTarball = drv: pkgs.runCommand "${drv.name}.tar.gz" { } ''
          tar -C ${drv} -czf $out .
        '';
        default = self.bundlers.${system}.toTarball;
      };

      defaultBundler.${system} = self.bundlers.${system}.default;

      defaultTemplate = {
        path = ./.;
        description = "This very flake";
      };
    };
}
