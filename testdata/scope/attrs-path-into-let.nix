# scope: duplicate-attribute
{ a = let b = 1; in { inherit b; }; a.c = 2; }
