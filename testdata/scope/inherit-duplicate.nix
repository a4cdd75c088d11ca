# scope: duplicate-attribute
a: { inherit a a; }
