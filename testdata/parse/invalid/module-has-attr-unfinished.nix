{ config, lib, ... }:

{
  services.nginx.enable = config.services ? ;
  networking.firewall.allowedTCPPorts = [ 80 ];
}
