{ pkgs, ... }:
{
  home.username = "ivan";
  home.homeDirectory = "/home/ivan";
  home.packages = [ pkgs.direnv pkgs.hello ];
  programs.home-manager.enable = true;
  home.stateVersion = "25.05";
}
