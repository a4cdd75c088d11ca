a: b: a/ b
