a.b/c
