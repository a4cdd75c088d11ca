{ config, lib, pkgs, ... }:

with lib;

let
  cfg = config.services.backup-jobs;

  jobOpts = { name, config, ... }: {
    options = {
      paths = mkOption {
        type = with types; listOf path;
        description = "Paths to back up.";
      };
      repository = mkOption {
        type = types.str;
        default = "/var/backup/${name}";
      };
      schedule = mkOption {
        type = types.str;
        default = "daily";
      };
      exclude = mkOption {
        type = types.listOf types.str;
        default = [ ];
      };
    };
  };

  mkService = name: job: nameValuePair "backup-${name}" {
    description = "Backup job ${name}";
    serviceConfig.Type = "oneshot";
    script = ''
      ${pkgs.restic}/bin/restic -r ${escapeShellArg job.repository} backup \
        ${concatMapStringsSep " " (p: escapeShellArg (toString p)) job.paths} \
        ${concatMapStringsSep " " (e: "--exclude ${escapeShellArg e}") job.exclude}
    '';
  };

  mkTimer = name: job: nameValuePair "backup-${name}" {
    wantedBy = [ "timers.target" ];
    timerConfig = {
      OnCalendar = job.schedule;
      Persistent = true;
    };
  };
in
{
  options.services.backup-jobs = mkOption {
    type = types.attrsOf (types.submodule jobOpts);
    default = { };
    description = "Restic backup jobs.";
  };

  config = mkIf (cfg != { }) {
    systemd.services = mapAttrs' mkService cfg;
    systemd.timers = mapAttrs' mkTimer cfg;
  };
}
