# scope: 
{ or = 1; }
