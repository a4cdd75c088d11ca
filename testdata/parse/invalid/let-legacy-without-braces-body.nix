let { a = 1 }
