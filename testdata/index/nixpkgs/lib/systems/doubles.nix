{ lib }:
let
  all = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" ];
in
{
  inherit all;

  # The Linux systems.
  linux = [ "x86_64-linux" "aarch64-linux" ];
  darwin = [ "x86_64-darwin" ];
}
