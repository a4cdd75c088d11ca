# scope: 
{ a.b = 1; a = { ${x} = 1; }; }
