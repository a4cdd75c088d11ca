# scope: 
pkgs: { inherit (pkgs) a b c; }
