# scope: 
p: with p; x: x + y
