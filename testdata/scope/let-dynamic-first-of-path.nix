# scope: dynamic-let-attribute
x: let ${x}.b = 1; in 1
