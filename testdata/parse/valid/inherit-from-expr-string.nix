e: { inherit (e) "x" y; }
