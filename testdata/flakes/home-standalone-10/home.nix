{ pkgs, ... }:
{
  home.username = "judy";
  home.homeDirectory = "/home/judy";
  home.packages = [ pkgs.hello pkgs.curl ];
  programs.home-manager.enable = true;
  home.stateVersion = "25.05";
}
