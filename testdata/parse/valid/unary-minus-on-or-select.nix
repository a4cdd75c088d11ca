x: -x.a or 1
