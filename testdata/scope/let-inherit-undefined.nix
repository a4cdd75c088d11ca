# scope: undefined-variable
let inherit x; in x
