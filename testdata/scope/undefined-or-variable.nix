# scope: undefined-variable
f: f or
