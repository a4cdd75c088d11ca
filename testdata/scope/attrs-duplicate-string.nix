# scope: duplicate-attribute
{ a = 1; "a" = 2; }
