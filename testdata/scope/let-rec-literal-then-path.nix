# scope: 
let a = rec { b = 1; }; a.c = b; in a
