{ pkgs, ... }:
{
  environment.systemPackages = [ pkgs.neovim pkgs.git ];
  system.primaryUser = "carol";
  system.stateVersion = 6;
}
