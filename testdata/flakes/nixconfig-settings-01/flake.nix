{
  description = ''Development environment with nixConfig (cache)'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  };

  nixConfig = {
    extra-substituters = [ "https://cache.example.org" ];
    extra-trusted-public-keys = [ "cache.example.org-1:Xh7O4Gp/wG8wWuXBKs/np/Z7js5692ky7Tr6sAw8aSE=" ];
  };

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.hello pkgs.direnv ];
        shellHook = ''
          echo "flake ${self.shortRev or "dirty"}"
        '';
      };
    };
}
