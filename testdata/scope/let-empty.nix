# scope: 
let in 1
