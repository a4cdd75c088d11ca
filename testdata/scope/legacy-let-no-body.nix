# scope: legacy-let unused-let-binding
let { a = 1; }
