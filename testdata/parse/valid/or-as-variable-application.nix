# `f or` is f applied to a variable named `or`
f: with { or = 1; }; f or
