{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  networking.hostName = "io";
  time.timeZone = "Europe/Berlin";
  users.users.heidi = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
  };
  environment.systemPackages = [ pkgs.direnv ];
  services.openssh.enable = config.networking.hostName != "";
  system.stateVersion = "25.05";
}
