x: -x.a
