{ pkgs, ... }:
{
  home.username = "alice";
  home.homeDirectory = "/home/alice";
  home.packages = [ pkgs.fd pkgs.ripgrep ];
  programs.home-manager.enable = true;
  home.stateVersion = "25.05";
}
