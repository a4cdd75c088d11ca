# scope: 
let inherit (builtins) map toString; in map toString
