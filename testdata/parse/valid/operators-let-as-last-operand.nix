a: a ++ (let b = [ ]; in b)
