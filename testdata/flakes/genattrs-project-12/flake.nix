{
  description = ''
    metricsd (go), plain nixpkgs with genAttrs
  '';

  inputs = {
    nixpkgs = {
      url = github:NixOS/nixpkgs;
    };
  };

  outputs = { self, nixpkgs }:
    let
      forAllSystems = f: nixpkgs.lib.genAttrs [ "x86_64-linux" ] (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = forAllSystems (pkgs: {
        default =
          pkgs.buildGoModule {
            pname = "metricsd";
            version = "1.1.3";
            src = ./.;
            vendorHash = null;
            meta.mainProgram = "metricsd";
          };
      });

      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell { packages = [ pkgs.go pkgs.gopls ]; };
      });

      formatter = forAllSystems (pkgs: pkgs.nixpkgs-fmt);

      overlays.default =
        _: prev: {
          curl = prev.curl.overrideAttrs (old: {
            doCheck = false;
            meta = old.meta // { priority = 4; };
          });
        };
    };
}
