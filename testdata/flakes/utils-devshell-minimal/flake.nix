{
  description = "Development shell for the website (Hugo + Node tooling)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = nixpkgs.legacyPackages.${system};
      in
      {
        devShells.default = pkgs.mkShell {
          packages = with pkgs; [
            hugo
            nodejs_20
            nodePackages.prettier
            go
          ];

          shellHook = ''
            echo "hugo $(hugo version | cut -d' ' -f2)"
          '';
        };
      });
}
