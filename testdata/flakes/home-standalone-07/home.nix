{ pkgs, ... }:
{
  home.username = "grace";
  home.homeDirectory = "/Users/grace";
  home.packages = [ pkgs.htop pkgs.curl ];
  programs.home-manager.enable = true;
  home.stateVersion = "25.05";
}
