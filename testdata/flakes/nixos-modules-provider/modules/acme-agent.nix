{ self }:
{ config, lib, pkgs, ... }:
let
  cfg = config.services.acme-agent;
in
{
  options.services.acme-agent = {
    enable = lib.mkEnableOption "the acme monitoring agent";
    package = lib.mkOption {
      type = lib.types.package;
      default = self.packages.${pkgs.stdenv.hostPlatform.system}.acme-agent;
      description = "The acme-agent package to use.";
    };
    endpoint = lib.mkOption {
      type = lib.types.str;
      default = "https://ingest.example.com";
    };
  };

  config = lib.mkIf cfg.enable {
    systemd.services.acme-agent = {
      wantedBy = [ "multi-user.target" ];
      serviceConfig = {
        ExecStart = "${lib.getExe cfg.package} --endpoint ${cfg.endpoint}";
        DynamicUser = true;
        Restart = "on-failure";
      };
    };
  };
}
