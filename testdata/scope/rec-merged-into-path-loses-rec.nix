# scope: undefined-variable
{ a.x = 1; a = rec { b = 1; c = b; }; }
