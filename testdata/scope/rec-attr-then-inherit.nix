# scope: duplicate-attribute unnecessary-rec
a: rec { a = 1; inherit a; }
