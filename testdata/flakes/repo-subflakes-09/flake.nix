{
  description = ''
    mqtt-bridge: the project's main flake
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
  };

  outputs = { self, nixpkgs }:
    let
      forAllSystems = nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-darwin" ];
    in
    {
      packages = forAllSystems (system: {
        default =
          nixpkgs.legacyPackages.${system}.stdenv.mkDerivation {
            pname = "mqtt-bridge";
            version = "2.17.3";
            src = ./.;
            nativeBuildInputs = [ nixpkgs.legacyPackages.${system}.meson nixpkgs.legacyPackages.${system}.ninja ];
            meta.mainProgram = "mqtt-bridge";
          };
      });
      lib.version = "1.10";
    };
}
