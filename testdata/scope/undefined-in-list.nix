# scope: undefined-variable
[ x ]
