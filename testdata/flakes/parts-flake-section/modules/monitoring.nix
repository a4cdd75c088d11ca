{ config, lib, pkgs, ... }:
{
  services.prometheus.exporters.node = {
    enable = true;
    enabledCollectors = [ "systemd" "textfile" ];
    extraFlags = [ "--collector.textfile.directory=/var/lib/node-exporter" ];
  };
  systemd.tmpfiles.rules = [ "d /var/lib/node-exporter 0755 root root -" ];
}
