a: b: a*b
