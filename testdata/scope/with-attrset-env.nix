# scope: 
with { a = 1; }; a
