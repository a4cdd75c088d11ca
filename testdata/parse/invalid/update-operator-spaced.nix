a: b: a / / b
