{ lib }:

rec {
  # foldr op nul [ x1 x2 ... ] == op x1 (op x2 ... nul)
  foldr = op: nul: list:
    let
      len = builtins.length list;
      fold' = n:
        if n == len then nul
        else op (builtins.elemAt list n) (fold' (n + 1));
    in
    fold' 0;

  flatten = x:
    if builtins.isList x then builtins.concatMap flatten x else [ x ];

  unique = foldr (x: acc: if builtins.elem x acc then acc else [ x ] ++ acc) [ ];

  take = n: list: lib.sublist 0 n list;

  last = list:
    assert lib.assertMsg (list != [ ]) "lists.last: list must not be empty!";
    builtins.elemAt list (builtins.length list - 1);

  range = first: last':
    if first > last' then [ ] else builtins.genList (n: first + n) (last' - first + 1);
}
