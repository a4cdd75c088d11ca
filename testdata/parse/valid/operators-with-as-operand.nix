a: b: a + (with b; c)
