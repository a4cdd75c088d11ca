# Option types, checked when modules are evaluated.
{ lib }:
let
  inherit (lib.options) mkOption;
in
rec {
  isType = type: x: (x._type or "") == type;

  /**
    Makes an option type.
  */
  mkOptionType =
    { name, description ? null, check ? (x: true), ... }:
    { _type = "option-type"; inherit name description check; };

  /**
    A boolean, true or false.
  */
  bool = mkOptionType {
    name = "bool";
    description = "boolean";
    check = builtins.isBool;
  };

  str = mkOptionType {
    name = "str";
    description = "string";
  };

  /** Integers of given widths. */
  ints = {
    /** An 8-bit unsigned integer. */
    u8 = mkOptionType { name = "u8"; };
    u16 = mkOptionType { name = "u16"; };
  };

  port = ints.u16;

  /**
    A list of elements of one type.
  */
  listOf = elemType: mkOptionType { name = "listOf"; };

  types = lib.types;
}
