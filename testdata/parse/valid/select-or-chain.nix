x: x.a or x.b or 1
