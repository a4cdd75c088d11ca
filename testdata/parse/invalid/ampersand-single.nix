a: b: a & b
