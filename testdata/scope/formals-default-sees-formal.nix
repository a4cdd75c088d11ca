# scope: 
{ a, b ? a }: b
