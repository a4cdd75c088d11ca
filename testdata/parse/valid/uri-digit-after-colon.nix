# x:1 is a URI, not a lambda returning 1
x:1
