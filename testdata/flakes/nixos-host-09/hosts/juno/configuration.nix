{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  networking.hostName = "juno";
  time.timeZone = "Europe/Berlin";
  users.users.bob = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
  };
  environment.systemPackages = [ pkgs.wget ];
  services.openssh.enable = config.networking.hostName != "";
  system.stateVersion = "25.05";
}
