# scope: unused-formal
{ config, lib, pkgs, ... }:
{
  environment.systemPackages = [ pkgs.hello ];
  networking.hostName = lib.mkDefault "x";
}
