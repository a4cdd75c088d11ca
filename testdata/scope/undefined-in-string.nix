# scope: undefined-variable
"${x}"
