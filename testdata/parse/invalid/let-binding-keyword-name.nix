let assert = 1; in 1
