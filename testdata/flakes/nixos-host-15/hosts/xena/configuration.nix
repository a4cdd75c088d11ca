{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  networking.hostName = "xena";
  time.timeZone = "Europe/Berlin";
  users.users.judy = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
  };
  environment.systemPackages = [ pkgs.bat ];
  services.openssh.enable = config.networking.hostName != "";
  system.stateVersion = "25.05";
}
