# scope: 
let or = 1; in f: f or
