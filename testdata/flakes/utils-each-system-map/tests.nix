{ lib }:
assert lib.kebabToCamel "foo-bar-baz" == "fooBarBaz";
{ ok = true; }
