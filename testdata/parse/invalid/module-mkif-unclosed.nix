{ config, lib, pkgs, ... }:

with lib;

let
  cfg = config.services.foo;
in
{
  options.services.foo.enable = mkEnableOption "foo";

  config = mkIf cfg.enable {
    systemd.services.foo = {
      wantedBy = [ "multi-user.target" ];
      serviceConfig.ExecStart = "${pkgs.foo}/bin/foo";
    };
}
