a: b: a+b*2-1
