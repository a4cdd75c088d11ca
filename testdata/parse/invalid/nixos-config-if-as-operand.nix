{ config, lib, pkgs, ... }:

{
  environment.systemPackages = [ pkgs.git ]
    ++ if config.services.xserver.enable then [ pkgs.firefox ] else [ ];
}
