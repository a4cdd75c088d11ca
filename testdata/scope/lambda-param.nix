# scope: 
x: x
