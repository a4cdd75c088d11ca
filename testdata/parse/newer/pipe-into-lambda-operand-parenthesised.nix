x: x |> (y: y + 1)
