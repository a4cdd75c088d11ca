# |> is left-associative: ((xs |> f) |> g) |> h
f: g: h: xs: xs |> f |> g |> h
