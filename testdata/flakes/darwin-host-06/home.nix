{ pkgs, ... }:
{
  home.packages = [ pkgs.hello ];
  home.stateVersion = "25.05";
}
