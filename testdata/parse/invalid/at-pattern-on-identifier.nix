x: x@y
