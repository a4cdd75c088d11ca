# scope: 
let b = "x"; a.${b} = 1; in a
