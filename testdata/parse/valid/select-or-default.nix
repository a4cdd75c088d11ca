x: x.a.b or 1
