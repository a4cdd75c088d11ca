e: { inherit (e) then; }
