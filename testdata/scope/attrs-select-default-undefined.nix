# scope: undefined-variable
{ }.a or x
