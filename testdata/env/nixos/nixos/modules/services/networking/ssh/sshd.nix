{ config, lib, pkgs, ... }:
let
  cfg = config.services.openssh;
in
{
  options.services.openssh = {
    enable = lib.mkEnableOption "the OpenSSH daemon";
    ports = lib.mkOption {
      type = lib.types.listOf lib.types.port;
      default = [ 22 ];
      description = "The ports sshd listens on.";
    };
    settings = lib.mkOption {
      description = "Settings written to sshd_config.";
      default = { };
      type = lib.types.submodule {
        freeformType = lib.types.attrsOf lib.types.str;
        options = {
          PermitRootLogin = lib.mkOption {
            type = lib.types.enum [ "yes" "no" "prohibit-password" ];
            default = "prohibit-password";
            description = "Whether root may log in, and how.";
          };
          PasswordAuthentication = lib.mkOption {
            type = lib.types.bool;
            default = true;
            description = "Whether passwords are accepted.";
          };
        };
      };
    };
  };

  config = lib.mkIf cfg.enable { networking.firewall.enable = true; };
}
