{ pkgs, ... }:
{
  home.username = "bob";
  home.homeDirectory = "/home/bob";
  home.packages = [ pkgs.git pkgs.curl ];
  programs.git.enable = true;
  home.stateVersion = "25.05";
}
