{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  networking.hostName = "deimos";
  time.timeZone = "Europe/Berlin";
  users.users.mallory = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
  };
  environment.systemPackages = [ pkgs.direnv ];
  services.openssh.enable = config.networking.hostName != "";
  system.stateVersion = "25.05";
}
