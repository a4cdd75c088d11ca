# scope: legacy-let undefined-variable
let { body = x; }
