{ lib }:
[ 3 1 2 ]
|> builtins.sort (a: b: a < b)
|> map (x: x * 2)
|> map toString
|> lib.concatStringsSep ", "
