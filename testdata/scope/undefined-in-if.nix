# scope: undefined-variable
if x then 1 else 2
