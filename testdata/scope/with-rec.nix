# scope: 
p: with p; rec { a = b; b = c; }
