/**
  Functions on strings.
*/
{ lib }:
let
  inherit (builtins) length;
in
rec {
  inherit (builtins) stringLength substring;

  /**
    Joins a list of strings, putting a separator between each two.

    # Inputs

    `sep`
    : What goes between the elements.

    `list`
    : The strings to join.

    # Type

    ```
    concatStringsSep :: string -> [string] -> string
    ```

    # Examples

    ```nix
    concatStringsSep "," [ "a" "b" ]
    => "a,b"
    ```
  */
  concatStringsSep = builtins.concatStringsSep;

  /**
    Tells whether a string begins with a prefix.

    # Type

    ```
    hasPrefix :: string -> string -> bool
    ```
  */
  hasPrefix =
    pref: str:
    substring 0 (stringLength pref) str == pref;

  /*
    Old-style comment: removes a prefix when it is there.

    Type: removePrefix :: string -> string -> string
  */
  removePrefix = prefix: str: if hasPrefix prefix str then substring (stringLength prefix) (-1) str else str;

  # Line comment: turns a string into a list of its characters,
  # one string per character.
  stringToCharacters = s: builtins.genList (p: substring p 1 s) (stringLength s);

  lowerChars = stringToCharacters "abcdefghijklmnopqrstuvwxyz";
}
