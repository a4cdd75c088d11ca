e: let inherit (e) a; in a
