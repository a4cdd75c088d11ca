# scope: legacy-let
let { x = "b"; ${x} = 1; body = 2; }
