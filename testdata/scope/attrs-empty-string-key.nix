# scope: 
{ "" = 1; }
