# /* not a block
1
