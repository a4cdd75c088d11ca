{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  networking.hostName = "fornax";
  time.timeZone = "Europe/Berlin";
  users.users.alice = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
  };
  environment.systemPackages = [ pkgs.tmux ];
  services.openssh.enable = config.networking.hostName != "";
  system.stateVersion = "25.05";
}
