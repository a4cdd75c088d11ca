# scope: undefined-variable
add
