{ pkgs, ... }:
{
  home.username = "peggy";
  home.homeDirectory = "/home/peggy";
  home.packages = [ pkgs.hello pkgs.direnv ];
  programs.git.enable = true;
  home.stateVersion = "25.05";
}
