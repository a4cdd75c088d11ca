# scope: legacy-let
let { }
