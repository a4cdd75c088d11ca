a: a + x: x
