# scope: 
{ config, lib, pkgs, ... }:

with lib;

let cfg = config.services.hello;
in {
  options.services.hello.enable = mkEnableOption "hello";
  config = mkIf cfg.enable {
    environment.systemPackages = [ pkgs.hello ];
  };
}
