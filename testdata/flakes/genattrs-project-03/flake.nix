{
  description = ''
    rss2mail (node), plain nixpkgs with genAttrs
  '';

  inputs = {
    nixpkgs = {
      url = "github:NixOS/nixpkgs";
    };
  };

  nixConfig.cores = 0;
  nixConfig.narinfo-cache-negative-ttl = 3600;
  nixConfig.fallback = true;

  outputs = { self, nixpkgs }:
    let
      forAllSystems = f: nixpkgs.lib.genAttrs [ "x86_64-linux" ] (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = forAllSystems (pkgs: {
        default =
          pkgs.buildNpmPackage {
            pname = "rss2mail";
            version = "3.16.7";
            src = ./.;
            npmDepsHash = "sha256-15Z3GIaH57MrQ96dI2Wh/4rm8anj1JRxm+VCOU2Z990=";
            meta.mainProgram = "rss2mail";
          };
      });

      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell { packages = [ pkgs.nodejs pkgs.typescript ]; };
      });

      apps = forAllSystems (pkgs: {
        default = {
          type = "app";
          program = pkgs.lib.getExe self.packages.${pkgs.stdenv.hostPlatform.system}.default;
        };
      });

      checks = forAllSystems (pkgs: {
        package = self.packages.${pkgs.stdenv.hostPlatform.system}.default;
      });

      formatter = forAllSystems (pkgs: pkgs.alejandra);

      overlays.default =
        _final: prev: {
          hello = prev.hello.overrideAttrs (old: {
            doCheck = false;
            meta = old.meta // { priority = 4; };
          });
        };
    };
}
