f: a: f <| a
