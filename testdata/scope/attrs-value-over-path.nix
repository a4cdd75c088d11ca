# scope: duplicate-attribute
{ a.b = 1; a = 2; }
