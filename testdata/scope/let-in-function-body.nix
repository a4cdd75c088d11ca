# scope: 
x: let y = x; in y
