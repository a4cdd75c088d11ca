# scope: 
let a = b; b = c; c = 1; in a
