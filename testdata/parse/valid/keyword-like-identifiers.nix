let if-then = 1; inherits = 2; then_ = 3; elsewhere = 4; in' = 5; in [ if-then inherits then_ elsewhere in' ]
