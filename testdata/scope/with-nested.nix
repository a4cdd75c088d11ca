# scope: 
a: b: with a; with b; x
