{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  networking.hostName = "mimas";
  time.timeZone = "Europe/Berlin";
  users.users.ivan = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
  };
  environment.systemPackages = [ pkgs.neovim ];
  services.openssh.enable = config.networking.hostName != "";
  system.stateVersion = "25.05";
}
