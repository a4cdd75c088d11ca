{ config, pkgs, nixgl, ... }:
{
  home.username = "erin";
  home.homeDirectory = "/home/erin";
  home.stateVersion = "24.11";

  nixGL.packages = nixgl.packages;
  home.packages = [
    (config.lib.nixGL.wrap pkgs.kitty)
    pkgs.htop
    pkgs.nix-output-monitor
  ];

  programs.home-manager.enable = true;
  targets.genericLinux.enable = true;
}
