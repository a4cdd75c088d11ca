{ lib }:
let
  inherit (lib.trivial) warn;
in
{
  # Pull in some builtins.
  inherit (builtins) isBool isInt;

  /**
    Returns its argument unchanged.

    # Inputs

    `x`

    : The value to return.

    # Type

    ```
    id :: a -> a
    ```

    # Examples
    :::{.example}
    ## `lib.trivial.id` usage example

    ```nix
    id 3
    => 3
    ```

    :::
  */
  id = x: x;

  /**
    Makes a function that ignores its second argument.

    # Type

    ```
    const :: a -> b -> a
    ```
  */
  const = x: y: x;

  /**
    Feeds a value through a list of functions, first to last.

    # Type

    ```
    pipe :: a -> [<functions>] -> <return type of last function>
    ```
  */
  pipe = builtins.foldl' (x: f: f x);

  /**
    The fixture's release name.
  */
  release = "25.11";

  warn = msg: v: builtins.trace "warning: ${msg}" v;
}
