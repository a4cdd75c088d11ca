# scope: dynamic-inherit-attribute
x: let inherit ${x}; in 1
