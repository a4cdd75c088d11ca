import ./default.nix { }
