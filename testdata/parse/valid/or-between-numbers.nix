# 1 or 2 parses as 1 applied to the variable or, then to 2
with { }; 1 or 2
