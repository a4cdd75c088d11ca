# scope: 
rec { a.b = c; c = 1; }
