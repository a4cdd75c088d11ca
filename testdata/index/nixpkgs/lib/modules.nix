{ lib }:
let
  /**
    Makes a definition conditional: it counts only when `condition` is true.

    # Type

    ```
    mkIf :: Bool -> a -> { _type :: String; condition :: Bool; content :: a; }
    ```
  */
  mkIf = condition: content: {
    _type = "if";
    inherit condition content;
  };

  /**
    Merges a list of definitions into one.
  */
  mkMerge = contents: {
    _type = "merge";
    inherit contents;
  };

  /**
    Gives a definition a priority; lower numbers win.
  */
  mkOverride = priority: content: {
    _type = "override";
    inherit priority content;
  };

  # Priority 1000: below a plain definition.
  mkDefault = mkOverride 1000;

  # Priority 50: above a plain definition.
  mkForce = mkOverride 50;

  private = { };
in
private
// {
  inherit
    mkIf
    mkMerge
    mkOverride
    mkDefault
    mkForce
    ;
}
