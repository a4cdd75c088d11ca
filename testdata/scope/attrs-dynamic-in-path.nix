# scope: 
x: { a.${x} = 1; a.b = 2; }
