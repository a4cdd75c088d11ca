# scope: unused-let-binding unused-let-binding
let a = b; b = 1; in 2
