{
  description = "qrgen: the project's main flake";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  outputs = { self, nixpkgs }:
    let
      forAllSystems = nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-linux" ];
    in
    {
      packages = forAllSystems (system: {
        default =
          nixpkgs.legacyPackages.${system}.python3Packages.buildPythonApplication {
            pname = "qrgen";
            version = "3.9.3";
            src = ./.;
            pyproject = true;
            build-system = [ nixpkgs.legacyPackages.${system}.python3Packages.hatchling ];
            meta.mainProgram = "qrgen";
          };
      });
      lib.version = "2.11";
    };
}
