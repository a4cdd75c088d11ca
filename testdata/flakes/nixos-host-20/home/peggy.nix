{ pkgs, ... }:
{
  home.username = "peggy";
  home.homeDirectory = "/home/peggy";
  home.packages = [ pkgs.jq pkgs.git ];
  programs.git.enable = true;
  home.stateVersion = "25.05";
}
