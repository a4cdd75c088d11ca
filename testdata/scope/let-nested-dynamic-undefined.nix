# scope: undefined-variable
let a.${b} = 1; in a
