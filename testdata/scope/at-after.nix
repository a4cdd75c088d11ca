# scope: 
{ a }@args: [ a args ]
