# scope: undefined-variable
{ inherit "a"; }
