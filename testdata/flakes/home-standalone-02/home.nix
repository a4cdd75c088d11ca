{ pkgs, ... }:
{
  home.username = "bob";
  home.homeDirectory = "/Users/bob";
  home.packages = [ pkgs.direnv pkgs.htop ];
  programs.home-manager.enable = true;
  home.stateVersion = "25.05";
}
