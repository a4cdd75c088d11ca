# scope: undefined-variable
let inherit (s) a; in a
