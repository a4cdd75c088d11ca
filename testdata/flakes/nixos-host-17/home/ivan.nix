{ pkgs, ... }:
{
  home.username = "ivan";
  home.homeDirectory = "/home/ivan";
  home.packages = [ pkgs.hello pkgs.htop ];
  programs.git.enable = true;
  home.stateVersion = "25.05";
}
