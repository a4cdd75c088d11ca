x: with { or = 1; }; x.a or or
