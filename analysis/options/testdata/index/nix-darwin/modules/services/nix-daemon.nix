{ config, lib, ... }:
{
  imports = [
    (lib.mkRemovedOptionModule [ "services" "nix-daemon" "enable" ] ''
      nix-darwin now manages nix-daemon unconditionally when `nix.enable` is on.
    '')
  ];
  options.services.nix-daemon.logFile = lib.mkOption {
    type = lib.types.nullOr lib.types.path;
    default = null;
    example = "/var/log/nix-daemon.log";
    description = "The logfile to use for the nix-daemon service.";
  };
}
