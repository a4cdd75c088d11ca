# scope: 
let p = { a = 1; }; in with p; a
