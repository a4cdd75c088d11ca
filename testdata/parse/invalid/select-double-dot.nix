a: a..b
