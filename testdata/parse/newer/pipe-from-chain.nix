# <| is right-associative: f <| (g <| (h <| x))
f: g: h: x: f <| g <| h <| x
