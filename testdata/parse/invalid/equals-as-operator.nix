a: b: a = b
