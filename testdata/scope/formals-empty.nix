# scope: 
{ }: 1
