# scope: 
x: { a = { inherit x; }; a.y = 1; }
