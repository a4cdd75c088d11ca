# scope: shadowed-builtin
let true = false; in true
