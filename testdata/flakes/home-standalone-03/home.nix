{ pkgs, ... }:
{
  home.username = "carol";
  home.homeDirectory = "/home/carol";
  home.packages = [ pkgs.curl pkgs.fd ];
  programs.home-manager.enable = true;
  home.stateVersion = "25.05";
}
