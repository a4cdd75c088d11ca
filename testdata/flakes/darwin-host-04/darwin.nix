{ pkgs, ... }:
{
  environment.systemPackages = [ pkgs.jq pkgs.hello ];
  system.primaryUser = "oscar";
  system.stateVersion = 6;
}
