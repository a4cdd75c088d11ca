# scope: undefined-variable
__map
