x: assert x; 1
