# scope: 
p: with p; let a = hello; in a
