# pipes bind more loosely than every other binary operator
f: a: b: a + b * 2 |> f
