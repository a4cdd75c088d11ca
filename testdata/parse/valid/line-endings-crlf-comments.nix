# comment
let
  x = 1; # trailing
in
  x
