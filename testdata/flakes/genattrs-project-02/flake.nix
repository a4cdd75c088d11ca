{
  description = ''
    thermostat (node), plain nixpkgs with genAttrs
  '';

  inputs = {
    nixpkgs = {
      url = "github:NixOS/nixpkgs/nixpkgs-unstable";
    };
  };

  nixConfig = {
    substituters = [
      "https://cache.example.org"
      "https://mirror.example.net/nix"
    ];
    trusted-public-keys = [
      "cache.example.org-1:Z/10O1m1wVLSJyc41Oz5Qf7YZkDCnbw92d83C6r3150="
      "mirror.example.net-1:aBBpehXh5dOrxH6XD4GAxM6uo5P15dTXndnMii6Ac6k="
    ];
    builders-use-substitutes = true;
  };

  outputs = { self, nixpkgs }:
    let
      forAllSystems = f: nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-linux" ] (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = forAllSystems (pkgs: {
        default =
          pkgs.buildNpmPackage {
            pname = "thermostat";
            version = "2.12.8";
            src = ./.;
            npmDepsHash = "sha256-15Z3GIaH57MrQ96dI2Wh/4rm8anj1JRxm+VCOU2Z990=";
            meta.mainProgram = "thermostat";
          };
      });

      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell { packages = [ pkgs.nodejs pkgs.typescript ]; };
      });

      formatter = forAllSystems (pkgs: pkgs.nixpkgs-fmt);

      overlays.default =
        _: prev: {
          htop = prev.htop.overrideAttrs (old: {
            doCheck = false;
            meta = old.meta // { priority = 4; };
          });
        };
    };
}
