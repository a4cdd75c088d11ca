{
  description = ''Development environment with nixConfig (prompt)'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  };

  nixConfig = {
    bash-prompt = ''\[\e[1;32m\]dev\[\e[0m\]$ '';
    bash-prompt-suffix = " ";
  };

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.hello pkgs.jq ];
        shellHook = ''
          echo "flake ${self.shortRev or "dirty"}"
        '';
      };
    };
}
