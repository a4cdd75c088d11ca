f: x: !f x
