# scope: duplicate-attribute
let inherit ({ a = 1; }) a; a = 2; in a
