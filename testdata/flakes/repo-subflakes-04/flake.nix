{
  description = "thermostat: the project's main flake";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs";
  };

  outputs = { self, nixpkgs }:
    let
      forAllSystems = nixpkgs.lib.genAttrs [ "x86_64-linux" ];
    in
    {
      packages = forAllSystems (system: {
        default =
          nixpkgs.legacyPackages.${system}.python3Packages.buildPythonApplication {
            pname = "thermostat";
            version = "0.20.9";
            src = ./.;
            pyproject = true;
            build-system = [ nixpkgs.legacyPackages.${system}.python3Packages.hatchling ];
            meta.mainProgram = "thermostat";
          };
      });
      lib.version = "4.27";
    };
}
