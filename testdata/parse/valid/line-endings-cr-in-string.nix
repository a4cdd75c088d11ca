"ab
c"
