{ pkgs, ... }:
{
  home.username = "judy";
  home.homeDirectory = "/home/judy";
  home.packages = [ pkgs.htop pkgs.htop ];
  programs.git.enable = true;
  home.stateVersion = "25.05";
}
