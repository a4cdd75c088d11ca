{ a.with = 1; }
