{ pkgs, ... }:
{
  environment.systemPackages = [ pkgs.git pkgs.direnv ];
  system.primaryUser = "frank";
  system.stateVersion = 6;
}
