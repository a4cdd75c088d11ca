{ lib, pkgs }:
let
  names = pkgs.someList |> map (p: p.pname) |> lib.unique;
  sorted = lib.sort lib.lessThan <| names;
in
{
  inherit names sorted;
}
