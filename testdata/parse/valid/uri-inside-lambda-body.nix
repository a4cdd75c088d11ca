# the body is the URI "a:b", the parameters are unused
a: b: a:b
