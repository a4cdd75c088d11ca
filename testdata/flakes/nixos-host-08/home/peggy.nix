{ pkgs, ... }:
{
  home.username = "peggy";
  home.homeDirectory = "/home/peggy";
  home.packages = [ pkgs.jq pkgs.direnv ];
  programs.git.enable = true;
  home.stateVersion = "25.05";
}
