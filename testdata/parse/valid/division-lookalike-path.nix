# a/b without spaces is a relative path
a: a/b
