# scope: duplicate-attribute
s: { inherit (s) a; a.b = 1; }
