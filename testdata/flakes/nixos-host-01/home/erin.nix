{ pkgs, ... }:
{
  home.username = "erin";
  home.homeDirectory = "/home/erin";
  home.packages = [ pkgs.wget pkgs.git ];
  programs.git.enable = true;
  home.stateVersion = "25.05";
}
