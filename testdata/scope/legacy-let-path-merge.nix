# scope: legacy-let
let { a.b = 1; a.c = 2; body = a; }
