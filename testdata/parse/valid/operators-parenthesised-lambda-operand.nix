a: a // (x: x) { }
