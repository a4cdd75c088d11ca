{
  description = ''ledgerly: the project's main flake'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  };

  outputs = { self, nixpkgs }:
    let
      forAllSystems = nixpkgs.lib.genAttrs [ "x86_64-linux" ];
    in
    {
      packages = forAllSystems (system: {
        default =
          nixpkgs.legacyPackages.${system}.buildGoModule {
            pname = "ledgerly";
            version = "3.7.3";
            src = ./.;
            vendorHash = null;
            meta.mainProgram = "ledgerly";
          };
      });
      lib.version = "4.19";
    };
}
