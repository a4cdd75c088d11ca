# scope: 
{ a ? args }@args: a
