# there are no hex literals: 0x10 is 0 applied to the variable x10
x10: 0x10
