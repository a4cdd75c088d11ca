{a}:a
