f: x: y: f x y
