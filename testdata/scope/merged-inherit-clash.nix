# scope: duplicate-attribute unnecessary-rec
{ a = rec { x = 1; }; a = { inherit x; }; }
