# scope: dynamic-let-attribute
let ${x} = 1; in 1
