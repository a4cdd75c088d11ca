x: y: { inherit (x.${y}) a; }
