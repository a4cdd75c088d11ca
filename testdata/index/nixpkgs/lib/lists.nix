/**
  Functions on lists.
*/
{ lib }:
rec {
  inherit (builtins) map head tail;

  /**
    A list of one element.

    # Type

    ```
    singleton :: a -> [a]
    ```
  */
  singleton = x: [ x ];

  /**
    Folds a list from the left, forcing the accumulator at each step.

    # Type

    ```
    foldl' :: (acc -> x -> acc) -> acc -> [x] -> acc
    ```
  */
  foldl' = builtins.foldl';

  /**
    The first element of a list, or the default when it is empty.
  */
  safe.head = default: list: if list == [ ] then default else builtins.head list;

  safe.deep.last = list: builtins.elemAt list (builtins.length list - 1);
}
