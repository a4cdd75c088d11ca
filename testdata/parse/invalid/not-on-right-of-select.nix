x: x.!a
