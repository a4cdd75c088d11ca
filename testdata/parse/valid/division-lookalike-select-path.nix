# x.a/b lexes as the path x.a/b, not a selection
x: x.a/b
