e: { inherit (e) or; }
