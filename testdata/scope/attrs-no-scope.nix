# scope: undefined-variable
{ a = 1; b = a; }
