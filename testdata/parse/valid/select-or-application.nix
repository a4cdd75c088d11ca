f: x: f x.a or 1
