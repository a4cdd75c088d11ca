{
  description = "dotfiles-sync: a small zig tool";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        packages.dotfiles-sync =
          pkgs.stdenv.mkDerivation {
            pname = "dotfiles-sync";
            version = "0.9.6";
            src = ./.;
            nativeBuildInputs = [ pkgs.zig.hook ];
            meta.mainProgram = "dotfiles-sync";
          };
        packages.default = self.packages.${system}.dotfiles-sync;

        devShells.default = pkgs.mkShell {
          inputsFrom = [ self.packages.${system}.dotfiles-sync ];
          packages = [ pkgs.zig pkgs.zls ];
        };

        formatter = pkgs.alejandra;
      });
}
