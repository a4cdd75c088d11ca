# mixing |> and <| needs parentheses
f: g: x: g <| (x |> f)
