a: b: a === b
