{ lib, ... }:
rec {
  /**
    Computes the value a function returns when it is given that value.

    # Type

    ```
    fix :: (a -> a) -> a
    ```
  */
  fix =
    f:
    let
      x = f x;
    in
    x;

  # Layers an overlay over a function of its own result.
  # The overlay sees both the final and the previous result.
  extends =
    overlay: f: final:
    let
      prev = f final;
    in
    prev // overlay final prev;

  /* Makes a set extensible through its `extend` attribute. */
  makeExtensible = rattrs: fix (extends (final: prev: { }) rattrs);
}
