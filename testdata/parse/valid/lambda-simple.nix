x: x
