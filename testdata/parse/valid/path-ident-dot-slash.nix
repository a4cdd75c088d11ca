# x./a is a single path token
x./a
