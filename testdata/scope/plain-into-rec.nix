# scope: 
{ a = rec { x = 1; }; a = { c = x; }; }
