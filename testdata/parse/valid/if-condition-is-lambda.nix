x: if x: x then 1 else 2
