{ pkgs, ... }:
{
  environment.systemPackages = [ pkgs.hello pkgs.curl ];
  system.primaryUser = "bob";
  system.stateVersion = 6;
}
