{ config, lib, pkgs, ... }:

let
  cfg = config.programs.git;
  gitIniType = with lib.types; let
    primitiveType = either str (either bool int);
  in attrsOf (attrsOf primitiveType);
in
{
  meta.maintainers = [ ];

  imports = [
    (lib.mkRenamedOptionModule [ "programs" "git" "userName" ] [ "programs" "git" "settings" "user" "name" ])
  ];

  options.programs.git = {
    enable = lib.mkEnableOption "Git";
    package = lib.mkPackageOption pkgs "git" {
      example = "gitFull";
      extraDescription = "Use `gitFull` for send-email.";
    };
    settings = lib.mkOption {
      type = gitIniType;
      default = { };
      description = "Configuration written to {file}`$XDG_CONFIG_HOME/git/config`.";
    };
    aliases = lib.mkOption {
      type = lib.types.attrsOf lib.types.str;
      default = { };
      example = { co = "checkout"; };
      description = "Git aliases to define.";
    };
    signing = lib.mkOption {
      type = lib.types.nullOr (lib.types.submodule {
        options = {
          key = lib.mkOption {
            type = lib.types.nullOr lib.types.str;
            description = "The default GPG signing key fingerprint.";
          };
          signByDefault = lib.mkEnableOption "signing by default" // { default = true; };
        };
      });
      default = null;
      description = "Options related to signing commits using GnuPG.";
    };
    enableBashIntegration = lib.hm.shell.mkBashIntegrationOption { inherit config; };
  };
}
