{ lib }:

let
  inherit (builtins) length elemAt head tail filter foldl' genList;
in
rec {
  # Take the first n elements.
  take = n: xs: if n <= 0 || xs == [ ] then [ ] else [ (head xs) ] ++ take (n - 1) (tail xs);

  # Split a list into chunks of size n.
  chunksOf = n: xs:
    if xs == [ ] then [ ]
    else [ (take n xs) ] ++ chunksOf n (lib.drop n xs);

  # Zip two lists into pairs.
  zip = a: b:
    genList (i: { fst = elemAt a i; snd = elemAt b i; })
      (lib.min (length a) (length b));

  # Remove consecutive duplicates.
  dedupe = xs:
    foldl' (acc: x: if acc != [ ] && lib.last acc == x then acc else acc ++ [ x ]) [ ] xs;

  # Partition a list by predicate.
  partition = pred: xs: {
    right = filter pred xs;
    wrong = filter (x: !(pred x)) xs;
  };

  count = pred: xs: length (filter pred xs);

  intersperse = sep: xs:
    if xs == [ ] then [ ]
    else tail (lib.concatMap (x: [ sep x ]) xs);

  findFirstOr = pred: default: xs:
    let found = filter pred xs;
    in if found == [ ] then default else head found;
}
