x: x."with space".b
