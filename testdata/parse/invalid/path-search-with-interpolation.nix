x: <nix${x}>
