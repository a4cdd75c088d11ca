# a /b is a applied to the absolute path /b
a: a /b
