# scope: undefined-variable
x
