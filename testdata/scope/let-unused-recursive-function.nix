# scope: unused-let-binding
let f = x: f x; in 1
