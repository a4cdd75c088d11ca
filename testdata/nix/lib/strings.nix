{ lib }:

let
  inherit (builtins) concatStringsSep filter genList length stringLength substring;
in
rec {
  /* Repeat a string n times. */
  replicate = n: s: concatStringsSep "" (genList (_: s) n);

  /* Pad a string on the left to width w. */
  padLeft = w: s:
    let missing = w - stringLength s;
    in if missing > 0 then replicate missing " " + s else s;

  /* Split on a one-character separator. */
  splitChar = sep: s:
    let
      go = acc: i:
        if i >= stringLength s then acc
        else go (acc ++ [ (substring i 1 s) ]) (i + 1);
      chars = go [ ] 0;
    in
    lib.splitString sep (concatStringsSep "" chars);

  nonEmpty = filter (s: s != "");

  count = xs: length (nonEmpty xs);

  capitalise = s: lib.toUpper (substring 0 1 s) + substring 1 (stringLength s) s;
}
