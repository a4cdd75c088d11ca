x: with x 1
