{ config, lib, pkgs, ... }:

let
  cfg = config.services.openssh;
  inherit (lib) mkOption mkEnableOption types;
in
{
  imports = [
    (lib.mkRenamedOptionModule [ "services" "openssh" "permitRootLogin" ] [ "services" "openssh" "settings" "PermitRootLogin" ])
    ./sshd-keys.nix
  ];

  options = {
    services.openssh = {
      enable = mkEnableOption "the OpenSSH secure shell daemon";

      package = lib.mkPackageOption pkgs "openssh" { };

      ports = mkOption {
        type = types.listOf types.port;
        default = [ 22 ];
        description = ''
          Specifies on which ports the SSH daemon listens.

          Use `openFirewall` to open them.
        '';
      };

      openFirewall = mkOption {
        type = types.bool;
        default = true;
        description = lib.mdDoc "Whether to open the firewall.";
      };

      listenAddresses = mkOption {
        type = with types; listOf (submodule {
          options = {
            addr = mkOption {
              type = types.nullOr types.str;
              default = null;
              description = "Host, IPv4 or IPv6 address to listen to.";
            };
            port = mkOption {
              type = types.nullOr types.port;
              default = null;
              description = "Port to listen to.";
            };
          };
        });
        default = [ ];
        example = lib.literalExpression ''[ { addr = "192.168.3.1"; port = 22; } ]'';
        description = "List of addresses and ports to listen on.";
      };

      settings = mkOption {
        description = "Configuration for `sshd_config(5)`.";
        default = { };
        type = types.submodule {
          freeformType = with types; attrsOf (nullOr (oneOf [ bool int str ]));
          options = {
            PermitRootLogin = mkOption {
              default = "prohibit-password";
              type = types.enum [ "yes" "without-password" "prohibit-password" "forced-commands-only" "no" ];
              description = "Whether the root user can login using ssh.";
            };
            X11Forwarding = mkOption {
              type = types.bool;
              default = false;
              description = "Whether to allow X11 connections to be forwarded.";
            };
          };
        };
      };

      extraConfig = mkOption {
        type = types.lines;
        default = "";
        readOnly = false;
        description = "Verbatim contents of {file}`sshd_config`.";
      };

      moduliFile = mkOption {
        example = "/etc/my-local-ssh-moduli;";
        type = types.path;
        internal = true;
        description = "Path to `moduli` file.";
      };
    };
  };

  config = lib.mkIf cfg.enable {
    services.openssh.settings.X11Forwarding = lib.mkDefault false;
  };
}
