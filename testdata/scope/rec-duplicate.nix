# scope: duplicate-attribute
rec { a = 1; a = 2; b = a; }
