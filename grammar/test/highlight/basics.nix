# A comment.
# <- comment
let
# <- keyword
  x = 1;
# ^ variable
#     ^ number
  f = a: a + x;
# ^ function
#     ^ variable.parameter
#          ^ operator
  s = "a\n${x}";
#     ^ string
#       ^ string.escape
#         ^ punctuation.special
#           ^ variable
in
# <- keyword
{ a, b ? 2.5, ... }@args:
# ^ variable.parameter
#    ^ variable.parameter
#        ^ number
#             ^ punctuation.special
#                   ^ variable.parameter
if a == b then builtins.attrNames { } else import ./a.nix {
# <- keyword.conditional
#    ^ operator
#         ^ keyword.conditional
#              ^ variable.builtin
#                       ^ function.builtin
#                                           ^ function.builtin
#                                                  ^ string.special.path
  inherit (args) c;
# ^ keyword
#                ^ property
  url = mirror://gnu/hello;
#       ^ string.special.url
  p = <nixpkgs>;
#     ^ string.special.path
  d = args.lib.mkIf true null;
# ^ property
#          ^ property
#              ^ function.call
#                   ^ variable.builtin
  e = rec { y = h x; };
#     ^ keyword
#               ^ function.call
  g = x.y or false;
#         ^ keyword
}
