# scope: duplicate-attribute
{ a.b.c = 1; a = { b.d = 2; }; }
