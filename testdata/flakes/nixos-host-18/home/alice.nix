{ pkgs, ... }:
{
  home.username = "alice";
  home.homeDirectory = "/home/alice";
  home.packages = [ pkgs.wget pkgs.bat ];
  programs.git.enable = true;
  home.stateVersion = "25.05";
}
