# scope: undefined-variable
(x: x) y
