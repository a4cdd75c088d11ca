a: b: a < b == true
