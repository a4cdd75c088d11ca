(x): x
