x: /nix/store/${x}/bin
