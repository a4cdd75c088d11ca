{
  description = ''dotfiles-sync: the project's main flake'';

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
          nixpkgs.legacyPackages.${system}.buildGoModule {
            pname = "dotfiles-sync";
            version = "2.16.6";
            src = ./.;
            vendorHash = null;
            meta.mainProgram = "dotfiles-sync";
          };
      });
      lib.version = "4.5";
    };
}
