{
  description = "kvstore: the project's main flake";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
  };

  outputs = { self, nixpkgs }:
    let
      forAllSystems = nixpkgs.lib.genAttrs [ "x86_64-linux" ];
    in
    {
      packages = forAllSystems (system: {
        default =
          nixpkgs.legacyPackages.${system}.buildGoModule {
            pname = "kvstore";
            version = "3.13.5";
            src = ./.;
            vendorHash = null;
            meta.mainProgram = "kvstore";
          };
      });
      lib.version = "1.3";
    };
}
