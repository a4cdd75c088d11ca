{ pkgs, ... }:
{
  environment.systemPackages = [ pkgs.jq pkgs.curl ];
  system.primaryUser = "victor";
  system.stateVersion = 6;
}
