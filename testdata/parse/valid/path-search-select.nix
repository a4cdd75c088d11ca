<nixpkgs>.lib
