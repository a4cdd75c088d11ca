{ config, pkgs, ... }:

{
  services.openssh.enable = true;

  /* TODO: enable this once the firewall rules are sorted out
  networking.firewall.enable = false;

  environment.systemPackages = [ pkgs.vim ];
}
