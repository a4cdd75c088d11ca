{ "if" = 1; "then" = 2; "rec" = 3; }."if"
