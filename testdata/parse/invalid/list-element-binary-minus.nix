# inside a list, 1 -1 is the binary expression 1 - 1, which is not a list element
[ 1 -1 ]
