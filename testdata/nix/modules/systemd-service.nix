{ config, lib, pkgs, ... }:

let
  inherit (lib) mkEnableOption mkOption mkIf types literalExpression;
  cfg = config.services.backup-runner;
in
{
  options.services.backup-runner = {
    enable = mkEnableOption "periodic backups";

    package = mkOption {
      type = types.package;
      default = pkgs.restic;
      defaultText = literalExpression "pkgs.restic";
      description = "The restic package to use.";
    };

    paths = mkOption {
      type = types.listOf types.str;
      default = [ "/home" "/etc" ];
      description = "Paths to back up.";
    };

    schedule = mkOption {
      type = types.str;
      default = "daily";
      description = "systemd calendar expression for the timer.";
    };
  };

  config = mkIf cfg.enable {
    users.users.backup = {
      isSystemUser = true;
      group = "backup";
    };
    users.groups.backup = { };

    systemd.services.backup-runner = {
      description = "Back up ${toString (builtins.length cfg.paths)} paths";
      serviceConfig = {
        Type = "oneshot";
        User = "backup";
        ExecStart = "${cfg.package}/bin/restic backup ${lib.escapeShellArgs cfg.paths}";
      };
    };

    systemd.timers.backup-runner = {
      wantedBy = [ "timers.target" ];
      timerConfig.OnCalendar = cfg.schedule;
    };
  };
}
