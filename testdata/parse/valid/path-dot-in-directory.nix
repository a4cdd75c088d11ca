./a.nix/b
