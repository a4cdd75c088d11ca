a: b: a < b && b > a
