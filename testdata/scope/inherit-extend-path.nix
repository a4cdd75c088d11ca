# scope: duplicate-attribute
a: { inherit a; a.b = 1; }
