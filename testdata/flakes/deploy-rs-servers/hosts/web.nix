{ config, pkgs, ... }:
{
  boot.loader.grub.device = "/dev/sda";
  fileSystems."/" = { device = "/dev/sda1"; fsType = "ext4"; };
  services.nginx = {
    enable = true;
    virtualHosts."${config.networking.hostName}.example.com".root = "/var/www";
  };
  networking.firewall.allowedTCPPorts = [ 80 443 ];
  users.users.deploy = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
  };
  security.sudo.wheelNeedsPassword = false;
  system.stateVersion = "24.11";
}
