# scope: 
let _a = 1; in 2
