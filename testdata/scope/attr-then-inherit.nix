# scope: duplicate-attribute
a: { a = 1; inherit a; }
