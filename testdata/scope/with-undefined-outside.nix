# scope: undefined-variable
p: (with p; a) + b
