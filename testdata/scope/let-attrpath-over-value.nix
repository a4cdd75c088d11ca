# scope: duplicate-attribute
let a = 1; a.b = 2; in a
