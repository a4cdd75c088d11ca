{ config, lib, pkgs, ... }:

with lib;

let
  cfg = config.services.tinyproxy-lite;

  configFile = pkgs.writeText "tinyproxy.conf" ''
    Port ${toString cfg.port}
    Listen ${cfg.listenAddress}
    Timeout 600
    ${concatMapStringsSep "\n" (a: "Allow ${a}") cfg.allow}
    ${cfg.extraConfig}
  '';
in
{
  options.services.tinyproxy-lite = {
    enable = mkEnableOption "the tinyproxy-lite HTTP proxy";

    package = mkPackageOption pkgs "tinyproxy" { };

    port = mkOption {
      type = types.port;
      default = 8888;
      description = "Port to listen on.";
    };

    listenAddress = mkOption {
      type = types.str;
      default = "127.0.0.1";
      example = "0.0.0.0";
      description = "Address to bind to.";
    };

    allow = mkOption {
      type = types.listOf types.str;
      default = [ "127.0.0.1" ];
      description = "Clients that may use the proxy.";
    };

    extraConfig = mkOption {
      type = types.lines;
      default = "";
    };

    openFirewall = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to open the port in the firewall.";
    };
  };

  config = mkIf cfg.enable {
    systemd.services.tinyproxy-lite = {
      description = "tinyproxy-lite";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ];
      serviceConfig = {
        ExecStart = "${cfg.package}/bin/tinyproxy -d -c ${configFile}";
        DynamicUser = true;
        Restart = "on-failure";
        ProtectSystem = "strict";
        ProtectHome = true;
        NoNewPrivileges = true;
      };
    };

    networking.firewall.allowedTCPPorts = mkIf cfg.openFirewall [ cfg.port ];
  };
}
