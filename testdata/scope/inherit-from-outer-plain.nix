# scope: undefined-variable
{ inherit (s) a; s = { a = 1; }; }
