{
  description = ''
    Development environment with nixConfig (ints)
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  };

  nixConfig.cores = 0;
  nixConfig.narinfo-cache-negative-ttl = 3600;
  nixConfig.fallback = true;

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.tmux pkgs.ripgrep ];
        shellHook = ''
          echo "flake ${self.shortRev or "dirty"}"
        '';
      };
    };
}
