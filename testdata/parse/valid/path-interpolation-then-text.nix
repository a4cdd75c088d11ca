x: ./a/${x}b
