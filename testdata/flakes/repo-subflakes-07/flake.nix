{
  description = "pkgstats: the project's main flake";

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
          nixpkgs.legacyPackages.${system}.buildGoModule {
            pname = "pkgstats";
            version = "2.14.1";
            src = ./.;
            vendorHash = null;
            meta.mainProgram = "pkgstats";
          };
      });
      lib.version = "2.2";
    };
}
