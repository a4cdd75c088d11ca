a: b: if a && !b || a -> b then 1 else 0
