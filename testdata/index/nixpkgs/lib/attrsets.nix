/**
  Functions on attribute sets.
*/
{ lib }:
let
  inherit (lib.lists) foldl';
in
rec {
  inherit (builtins) attrNames mapAttrs;

  /**
    The set when the condition holds, the empty set otherwise.

    # Type

    ```
    optionalAttrs :: bool -> AttrSet -> AttrSet
    ```
  */
  optionalAttrs = cond: as: if cond then as else { };

  /**
    Reads the value at a path of attribute names, with a default.

    # Type

    ```
    attrByPath :: [String] -> Any -> AttrSet -> Any
    ```
  */
  attrByPath =
    attrPath: default: set:
    let
      go = n: s: if n == builtins.length attrPath then s else default;
    in
    go 0 set;

  "or" = a: b: a || b;
}
