# scope: 
{ a = {}; a = {}; }
