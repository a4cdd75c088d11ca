# scope: legacy-let
let { ${"a"} = 1; body = a; }
