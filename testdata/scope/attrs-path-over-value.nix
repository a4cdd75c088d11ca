# scope: duplicate-attribute
{ a = 1; a.b = 2; }
