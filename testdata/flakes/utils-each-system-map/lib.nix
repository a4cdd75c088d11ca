{ lib }:
let
  capitalize = s: lib.toUpper (builtins.substring 0 1 s) + builtins.substring 1 (-1) s;
in
{
  inherit capitalize;

  kebabToCamel = s:
    let parts = lib.splitString "-" s;
    in lib.concatStrings ([ (builtins.head parts) ] ++ map capitalize (builtins.tail parts));

  indent = n: s: lib.concatMapStringsSep "\n" (l: lib.fixedWidthString n " " "" + l) (lib.splitString "\n" s);
}
