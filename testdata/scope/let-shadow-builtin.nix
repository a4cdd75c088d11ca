# scope: shadowed-builtin
let map = f: f; in map
