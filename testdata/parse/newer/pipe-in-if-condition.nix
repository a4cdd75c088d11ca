xs: if xs |> builtins.length |> (n: n > 0) then "some" else "none"
