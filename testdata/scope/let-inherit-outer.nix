# scope: 
x: let inherit x; in x
