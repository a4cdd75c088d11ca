# scope: 
{ f ? x: x }: f
