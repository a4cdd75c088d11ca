# scope: undefined-variable
{ ${x} = 1; }
