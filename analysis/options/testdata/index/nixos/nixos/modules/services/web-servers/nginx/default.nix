{ config, lib, pkgs, ... }:

with lib;

let
  cfg = config.services.nginx;

  locationOptions = { name, ... }: {
    options = {
      proxyPass = mkOption {
        type = types.nullOr types.str;
        default = null;
        example = "http://www.example.org/";
        description = "Adds proxy_pass directive.";
      };
      extraConfig = mkOption {
        type = types.lines;
        default = "";
        description = "These lines go into the location block.";
      };
    };
  };

  vhostOptions = { name, config, ... }: {
    options = {
      serverName = mkOption {
        type = types.str;
        default = name;
        defaultText = literalExpression "name";
        description = "Name of this virtual host.";
      };
      enableACME = mkOption {
        type = types.bool;
        default = false;
        description = "Whether to ask Let's Encrypt to sign a certificate for this vhost.";
      };
      locations = mkOption {
        type = types.attrsOf (types.submodule locationOptions);
        default = { };
        description = "Declarative location config.";
      };
    };
  };
in
{
  options = {
    services.nginx = {
      enable = mkEnableOption "Nginx Web Server";

      recommendedTlsSettings = mkOption {
        default = false;
        type = types.bool;
        description = "Enable recommended TLS settings.";
      };

      virtualHosts = mkOption {
        type = types.attrsOf (types.submodule vhostOptions);
        default = { localhost = { }; };
        example = literalExpression ''
          {
            "hydra.example.com" = {
              locations."/".proxyPass = "http://localhost:3000";
            };
          }
        '';
        description = "Declarative vhost config";
      };

      logError = mkOption {
        default = "stderr";
        type = types.str;
        description = "Configures logging.";
      };

      workerProcesses = mkOption {
        type = types.either types.int (types.enum [ "auto" ]);
        default = "auto";
        description = "Number of nginx worker processes.";
      };
    };
  };

  config = mkIf cfg.enable { };
}
