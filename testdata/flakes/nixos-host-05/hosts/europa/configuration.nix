{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  networking.hostName = "europa";
  time.timeZone = "Europe/Berlin";
  users.users.grace = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
  };
  environment.systemPackages = [ pkgs.jq ];
  services.openssh.enable = config.networking.hostName != "";
  system.stateVersion = "25.05";
}
