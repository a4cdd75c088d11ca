./foo-bar_baz.v1+2/x.nix
