{
  description = "Development environment with nixConfig (indented)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs";
  };

  nixConfig = {
    bash-prompt-prefix = ''(indented) '';
    flake-registry = "https://registry.example.org/flake-registry.json";
    extra-substituters = [ https://cache.example.com ];
  };

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.wget pkgs.neovim ];
        shellHook = ''
          echo "flake ${self.shortRev or "dirty"}"
        '';
      };
    };
}
