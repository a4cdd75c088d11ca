# scope: duplicate-attribute
s: { a = s.x; a.y = 1; }
