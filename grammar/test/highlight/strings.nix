{
  t = ''line ''${kept} ${x} '''quoted'''  '';
# ^ property
#     ^ string
#            ^ string.escape
#                ^ string
#                      ^ punctuation.special
#                        ^ variable
#                             ^ string.escape
  u = "${"nested"}\"";
#     ^ string
#        ^ string
#                  ^ string.escape
  v = ./a/${u}.nix;
#     ^ string.special.path
#           ^ variable
}
