# scope: 
{ lib }:
rec {
  double = x: x * 2;
  quadruple = x: double (double x);
  mapDouble = map double;
  inherit (lib) id;
}
