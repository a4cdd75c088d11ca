# scope: undefined-variable unused-let-binding
let f = x: x; in x
