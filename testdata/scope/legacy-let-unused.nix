# scope: legacy-let unused-let-binding
let { a = 1; b = 2; body = a; }
