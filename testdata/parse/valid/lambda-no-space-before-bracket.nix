# x:[x] is a lambda: [ cannot continue a URI
x:[x]
