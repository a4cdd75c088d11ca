# scope: duplicate-attribute legacy-let
let { a = 1; a = 2; body = a; }
