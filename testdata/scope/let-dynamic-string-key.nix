# scope: dynamic-let-attribute
let x = "a"; "${x}" = 1; in 1
