# scope: duplicate-attribute
let x = 1; inherit x; in x
