# scope: undefined-variable
{ a.b = 1; a = { c = x; }; }
