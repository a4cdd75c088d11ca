b: ./a${b}.nix
