x: x.a or x ? b
