{
  description = "Development environment with nixConfig (mixed)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
  };

  nixConfig = {
    extra-experimental-features = [ "nix-command" "flakes" ];
    connect-timeout = 5;
    http-connections = 50;
    warn-dirty = false;
    allow-import-from-derivation = true;
    max-jobs = "auto";
    commit-lock-file-summary = "chore: update flake.lock";
  };

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.neovim pkgs.curl ];
        shellHook = ''
          echo "flake ${self.shortRev or "dirty"}"
        '';
      };
    };
}
