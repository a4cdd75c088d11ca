# scope: undefined-variable
{ a = { inherit x; }; a.y = 1; }
