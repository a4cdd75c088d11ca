f: a: a |> f
