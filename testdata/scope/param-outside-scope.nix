# scope: undefined-variable
(x: x) x
