{ pkgs, ... }:
{
  home.username = "judy";
  home.homeDirectory = "/home/judy";
  home.packages = [ pkgs.git pkgs.wget ];
  programs.git.enable = true;
  home.stateVersion = "25.05";
}
