{ pkgs, ... }:
{
  environment.systemPackages = [ pkgs.tmux pkgs.curl ];
  system.primaryUser = "ivan";
  system.stateVersion = 6;
}
