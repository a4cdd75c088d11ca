# x.0 is x applied to the float .0
x: x.0
