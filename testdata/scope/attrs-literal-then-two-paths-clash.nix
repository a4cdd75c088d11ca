# scope: duplicate-attribute
{ a = {}; a.b = 1; a.b = 2; }
