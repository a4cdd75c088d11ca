{ pkgs, ... }:
{
  home.username = "dave";
  home.homeDirectory = "/home/dave";
  home.packages = [ pkgs.bat pkgs.hello ];
  programs.home-manager.enable = true;
  home.stateVersion = "25.05";
}
