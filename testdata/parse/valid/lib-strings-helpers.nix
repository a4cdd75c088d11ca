# Small string helpers in the style of nixpkgs' lib.
{ lib }:

let
  inherit (builtins) stringLength substring genList elemAt length filter isString;
  inherit (lib) concatStrings concatStringsSep splitString;
in
rec {
  /* Repeat a string `n` times.

     Example:
       repeat 3 "ab"
       => "ababab"
  */
  repeat = n: s: concatStrings (genList (_: s) n);

  # Pad a string on the left up to `width` characters.
  padLeft = width: char: s:
    let len = stringLength s;
    in if len >= width then s else repeat (width - len) char + s;

  padRight = width: char: s:
    let len = stringLength s;
    in if len >= width then s else s + repeat (width - len) char;

  # Capitalise the first letter.
  capitalize = s:
    if s == "" then s
    else lib.toUpper (substring 0 1 s) + substring 1 (-1) s;

  # "foo-bar-baz" -> "fooBarBaz"
  camelCase = s:
    let parts = filter (p: isString p && p != "") (splitString "-" s);
    in if parts == [ ] then ""
       else elemAt parts 0 + concatStrings (map capitalize (lib.drop 1 parts));

  # Indent every line of a multi-line string.
  indent = prefix: s:
    concatStringsSep "\n" (map (l: if l == "" then l else prefix + l) (splitString "\n" s));

  isBlank = s: lib.trim s == "";

  lines = s: length (splitString "\n" s);
}
