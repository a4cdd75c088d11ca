{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  networking.hostName = "vega";
  time.timeZone = "Europe/Berlin";
  users.users.peggy = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
  };
  environment.systemPackages = [ pkgs.fd ];
  services.openssh.enable = config.networking.hostName != "";
  system.stateVersion = "25.05";
}
