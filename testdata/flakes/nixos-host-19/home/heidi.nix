{ pkgs, ... }:
{
  home.username = "heidi";
  home.homeDirectory = "/home/heidi";
  home.packages = [ pkgs.git pkgs.wget ];
  programs.git.enable = true;
  home.stateVersion = "25.05";
}
