# scope: duplicate-attribute undefined-variable unnecessary-rec
rec { inherit a; a = 1; }
