{ config, lib, pkgs, ... }:

with lib;

let
  cfg = config.services.metrics-exporter;
  hardening = {
    CapabilityBoundingSet = [ "" ];
    DeviceAllow = [ "" ];
    LockPersonality = true;
    MemoryDenyWriteExecute = true;
    PrivateDevices = true;
    PrivateTmp = true;
    ProtectClock = true;
    ProtectControlGroups = true;
    ProtectHostname = true;
    ProtectKernelLogs = true;
    ProtectKernelModules = true;
    ProtectKernelTunables = true;
    RestrictAddressFamilies = [ "AF_INET" "AF_INET6" "AF_UNIX" ];
    RestrictNamespaces = true;
    RestrictRealtime = true;
    SystemCallArchitectures = "native";
    SystemCallFilter = [ "@system-service" "~@privileged" "~@resources" ];
    UMask = "0077";
  };
in
{
  options.services.metrics-exporter = {
    enable = mkEnableOption (lib.mdDoc "metrics exporter");
    port = mkOption { type = types.port; default = 9100; };
    extraFlags = mkOption {
      type = types.listOf types.str;
      default = [ ];
    };
  };

  config = mkIf cfg.enable {
    systemd.services.metrics-exporter = {
      wantedBy = [ "multi-user.target" ];
      serviceConfig = hardening // {
        ExecStart = escapeShellArgs ([
          "${pkgs.prometheus-node-exporter}/bin/node_exporter"
          "--web.listen-address=:${toString cfg.port}"
        ] ++ cfg.extraFlags);
        DynamicUser = true;
        Restart = "always";
      };
    };
  };
}
