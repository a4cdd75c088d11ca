{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  networking.hostName = "rhea";
  time.timeZone = "Europe/Berlin";
  users.users.heidi = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
  };
  environment.systemPackages = [ pkgs.jq ];
  services.openssh.enable = config.networking.hostName != "";
  system.stateVersion = "25.05";
}
