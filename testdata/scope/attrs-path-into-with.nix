# scope: duplicate-attribute unused-with
p: { a = with p; { }; a.y = 1; }
