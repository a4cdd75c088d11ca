# rejected by every Nix: 2.8 has no pipe operators, newer Nix forbids mixing |> and <| without parentheses
f: g: x: f <| x |> g
