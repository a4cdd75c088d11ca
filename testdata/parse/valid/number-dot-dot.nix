# 1..2 lexes as 1. applied to .2
1..2
