x: x.a.${"b"}.c or null
