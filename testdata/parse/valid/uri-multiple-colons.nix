a:b:c
