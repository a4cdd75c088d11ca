# Unit tests in the lib.runTests style; evaluates to [ ] when all pass.
{ lib ? (import <nixpkgs> { }).lib }:

let
  strings = import ./lib-strings-helpers.nix { inherit lib; };
in
lib.runTests {
  testRepeat = {
    expr = strings.repeat 3 "ab";
    expected = "ababab";
  };

  testPadLeft = {
    expr = strings.padLeft 5 "0" "42";
    expected = "00042";
  };

  testCamelCase = {
    expr = map strings.camelCase [ "foo-bar" "a" "" "x-y-z" ];
    expected = [ "fooBar" "a" "" "xYZ" ];
  };

  testIndent = {
    expr = strings.indent "  " "a\nb\n\nc";
    expected = "  a\n  b\n\n  c";
  };

  # Arithmetic corner cases.
  testIntDivision = { expr = 7 / 2; expected = 3; };
  testNegative = { expr = -7 / 2; expected = -3; };
  testFloat = { expr = 1.5 * 2; expected = 3.0; };
  testComparison = { expr = [ (1 < 2) (2 <= 2) ("a" < "b") ([ 1 ] == [ 1 ]) ]; expected = [ true true true true ]; };
}
