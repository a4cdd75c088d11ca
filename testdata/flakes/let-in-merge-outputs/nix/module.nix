self:
{ config, lib, pkgs, ... }:
{
  options.services.pgbouncer-exporter.enable = lib.mkEnableOption "pgbouncer exporter" // { default = true; };
  config = lib.mkIf config.services.pgbouncer-exporter.enable {
    systemd.services.pgbouncer-exporter = {
      wantedBy = [ "multi-user.target" ];
      serviceConfig.ExecStart = lib.getExe self.packages.${pkgs.stdenv.hostPlatform.system}.default;
    };
  };
}
