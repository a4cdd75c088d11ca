{ config, pkgs, ... }:

let
  syncDir = "${config.home.homeDirectory}/Sync";
in
{
  services.syncthing = {
    enable = true;
    tray.enable = false;
  };

  systemd.user.services.rclone-backup = {
    Unit = {
      Description = "Back up ${syncDir} with rclone";
      After = [ "network-online.target" ];
    };
    Service = {
      Type = "oneshot";
      ExecStart = "${pkgs.rclone}/bin/rclone sync ${syncDir} remote:backup --fast-list";
      Nice = 19;
    };
  };

  systemd.user.timers.rclone-backup = {
    Unit.Description = "Daily rclone backup";
    Timer = {
      OnCalendar = "*-*-* 03:30:00";
      Persistent = true;
    };
    Install.WantedBy = [ "timers.target" ];
  };

  services.gpg-agent = {
    enable = true;
    enableSshSupport = true;
    defaultCacheTtl = 1800;
    pinentryPackage = pkgs.pinentry-curses;
  };
}
