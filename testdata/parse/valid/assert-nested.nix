x: assert x != null; assert true; x
