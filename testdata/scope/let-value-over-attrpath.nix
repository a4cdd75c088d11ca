# scope: duplicate-attribute
let a.b = 1; a = 2; in a
