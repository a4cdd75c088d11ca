{ pkgs, ... }:
{
  home.username = "mallory";
  home.homeDirectory = "/home/mallory";
  home.packages = [ pkgs.ripgrep pkgs.tmux ];
  programs.git.enable = true;
  home.stateVersion = "25.05";
}
