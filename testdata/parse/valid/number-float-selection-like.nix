# 1.2.3 lexes as two floats, 1.2 and .3, so this list has two elements
[ 1.2.3 ]
