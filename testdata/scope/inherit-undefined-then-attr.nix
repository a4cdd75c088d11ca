# scope: duplicate-attribute undefined-variable
{ inherit a; a = 1; }
