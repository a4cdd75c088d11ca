# dynamic attributes are only forbidden at the top of a let binding
x: let a.${x} = 1; in a
