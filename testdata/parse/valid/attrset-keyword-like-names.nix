{ if-then = 1; inherits = 2; letter = 3; in_ = 4; rec' = 5; assert-x = 6; with_ = 7; }
