x: 1 + if x then 1 else 2
