# scope: 
{ a.b.c = 1; a.b.d = 2; }
