# scope: duplicate-attribute unnecessary-rec
rec { a = rec { x = 1; }; a = { inherit x; }; x = 2; }
