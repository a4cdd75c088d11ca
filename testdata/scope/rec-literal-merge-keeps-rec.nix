# scope: 
{ a = rec { b = 1; }; a.c = b; }
