{ config, lib, pkgs, ... }:

let
  inherit (lib) mkOption mkRenamedOptionModule mkRemovedOptionModule types mkIf;
  cfg = config.services.queue-worker;
in
{
  imports = [
    (mkRenamedOptionModule [ "services" "queue-worker" "threads" ] [ "services" "queue-worker" "concurrency" ])
    (mkRemovedOptionModule [ "services" "queue-worker" "legacyMode" ] "Legacy mode was removed in 2.0.")
  ];

  options.services.queue-worker = {
    enable = lib.mkEnableOption "queue worker";

    concurrency = mkOption {
      type = types.ints.positive;
      default = 4;
    };

    queues = mkOption {
      type = types.listOf types.str;
      default = [ "default" ];
      apply = qs: lib.unique (qs ++ [ "default" ]);
    };

    environmentFile = mkOption {
      type = types.nullOr types.path;
      default = null;
    };
  };

  config = mkIf cfg.enable {
    systemd.services.queue-worker = {
      wantedBy = [ "multi-user.target" ];
      environment.QUEUES = lib.concatStringsSep "," cfg.queues;
      serviceConfig = {
        ExecStart = "${pkgs.python3}/bin/python -m worker --concurrency ${toString cfg.concurrency}";
        EnvironmentFile = lib.optional (cfg.environmentFile != null) cfg.environmentFile;
        DynamicUser = true;
      };
    };
  };
}
