# or may be bound in let, but cannot be referenced as a plain variable
let or = 1; in 1
