a:b:
