# scope: legacy-let undefined-variable
let { ${x} = 1; body = 2; }
