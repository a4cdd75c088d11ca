# scope: 
{ a, }: a
