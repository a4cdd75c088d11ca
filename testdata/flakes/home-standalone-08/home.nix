{ pkgs, ... }:
{
  home.username = "heidi";
  home.homeDirectory = "/Users/heidi";
  home.packages = [ pkgs.git pkgs.git ];
  programs.home-manager.enable = true;
  home.stateVersion = "25.05";
}
