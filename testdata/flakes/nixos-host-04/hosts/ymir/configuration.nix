{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  networking.hostName = "ymir";
  time.timeZone = "Europe/Berlin";
  users.users.peggy = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
  };
  environment.systemPackages = [ pkgs.curl ];
  services.openssh.enable = config.networking.hostName != "";
  system.stateVersion = "25.05";
}
