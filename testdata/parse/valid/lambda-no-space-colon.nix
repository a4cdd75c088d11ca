x:x
