e: { inherit (e) a b c; }
