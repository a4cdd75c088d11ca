# scope: 
{ a = rec { x = 1; }; a = rec { b = 1; c = x; }; }
