final: prev:
let
  inherit (prev) lib
in
{
  myHello = lib.warn "deprecated" prev.hello;
}
