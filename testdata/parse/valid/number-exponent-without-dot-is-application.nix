# 1e10 is not a float: it is the integer 1 applied to the variable e10
e10: 1e10
