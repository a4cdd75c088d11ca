# legacy let is a simple expression, so it may follow a binary operator
1 + let { body = 1; }
