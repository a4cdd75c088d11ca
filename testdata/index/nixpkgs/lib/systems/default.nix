{ lib }:
let
  doubles = import ./doubles.nix { inherit lib; };

  /**
    Turns a system string into a set describing the platform.
  */
  elaborate = system: { inherit system; };
in
{
  inherit doubles elaborate;
  flakeExposed = [ "x86_64-linux" "aarch64-linux" ];
}
