# scope: undefined-variable
assert x; 1
