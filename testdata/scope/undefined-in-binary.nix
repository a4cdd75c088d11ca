# scope: undefined-variable
1 + x
