# scope: undefined-variable
(let a = 1; in a) + a
