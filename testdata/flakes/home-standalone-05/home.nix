{ pkgs, ... }:
{
  home.username = "erin";
  home.homeDirectory = "/home/erin";
  home.packages = [ pkgs.bat pkgs.curl ];
  programs.home-manager.enable = true;
  home.stateVersion = "25.05";
}
