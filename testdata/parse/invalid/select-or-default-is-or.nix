x: x.a or or
