# scope: 
{ ... }: 1
