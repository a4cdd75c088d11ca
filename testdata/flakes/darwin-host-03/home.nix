{ pkgs, ... }:
{
  home.packages = [ pkgs.direnv ];
  home.stateVersion = "25.05";
}
