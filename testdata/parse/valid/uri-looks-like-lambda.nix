# x:x is a URI literal (the string "x:x"), not a lambda
x:x
