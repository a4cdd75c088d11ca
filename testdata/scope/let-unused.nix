# scope: unused-let-binding
let a = 1; in 2
