{
  description = ''cronjob-runner: the project's main flake'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  };

  outputs = { self, nixpkgs }:
    let
      forAllSystems = nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
    in
    {
      packages = forAllSystems (system: {
        default =
          nixpkgs.legacyPackages.${system}.stdenv.mkDerivation {
            pname = "cronjob-runner";
            version = "1.19.8";
            src = ./.;
            nativeBuildInputs = [ nixpkgs.legacyPackages.${system}.meson nixpkgs.legacyPackages.${system}.ninja ];
            meta.mainProgram = "cronjob-runner";
          };
      });
      lib.version = "2.20";
    };
}
