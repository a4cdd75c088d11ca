# 1/2 is a path, not a division
1/2
