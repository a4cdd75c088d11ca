{ pkgs, ... }:
{
  home.packages = [ pkgs.jq ];
  home.stateVersion = "25.05";
}
