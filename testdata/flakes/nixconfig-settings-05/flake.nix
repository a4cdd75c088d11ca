{
  description = "Development environment with nixConfig (lists)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs";
  };

  nixConfig = {
    substituters = [
      "https://cache.example.org"
      "https://mirror.example.net/nix"
    ];
    trusted-public-keys = [
      "cache.example.org-1:Z/10O1m1wVLSJyc41Oz5Qf7YZkDCnbw92d83C6r3150="
      "mirror.example.net-1:aBBpehXh5dOrxH6XD4GAxM6uo5P15dTXndnMii6Ac6k="
    ];
    builders-use-substitutes = true;
  };

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.tmux pkgs.neovim ];
        shellHook = ''
          echo "flake ${self.shortRev or "dirty"}"
        '';
      };
    };
}
