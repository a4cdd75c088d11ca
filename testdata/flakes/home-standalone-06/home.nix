{ pkgs, ... }:
{
  home.username = "frank";
  home.homeDirectory = "/home/frank";
  home.packages = [ pkgs.direnv pkgs.hello ];
  programs.home-manager.enable = true;
  home.stateVersion = "25.05";
}
