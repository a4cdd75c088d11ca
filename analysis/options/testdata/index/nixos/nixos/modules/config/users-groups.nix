{ config, lib, utils, pkgs, ... }:

let
  inherit (lib) mkOption types;

  userOpts = { name, config, ... }: {
    options = {
      name = mkOption {
        type = types.passwdEntry types.str;
        apply = x: assert (lib.stringLength x < 32 || abort "Username '${x}' is longer than 31 characters"); x;
        description = ''
          The name of the user account. If undefined, the name of the
          attribute set will be used.
        '';
      };
      uid = mkOption {
        type = with types; nullOr int;
        default = null;
        description = "The account UID.";
      };
      isNormalUser = mkOption {
        type = types.bool;
        default = false;
        description = "Indicates whether this is an account for a real user.";
      };
      extraGroups = mkOption {
        type = types.listOf types.str;
        default = [ ];
        description = "The user's auxiliary groups.";
      };
      shell = mkOption {
        type = types.nullOr (types.either types.shellPackage (types.passwdEntry types.path));
        default = pkgs.shadow;
        defaultText = lib.literalExpression "pkgs.shadow";
        example = lib.literalExpression "pkgs.bashInteractive";
        description = "The path to the user's shell.";
      };
      openssh.authorizedKeys.keys = mkOption {
        type = types.listOf types.singleLineStr;
        default = [ ];
        description = "A list of verbatim OpenSSH public keys.";
      };
    };
  };
in
{
  options = {
    users.mutableUsers = mkOption {
      type = types.bool;
      default = true;
      description = "If set to `true`, you are free to add new users and groups.";
    };

    users.users = mkOption {
      default = { };
      type = with types; attrsOf (submodule userOpts);
      example = {
        alice = { uid = 1234; };
      };
      description = "Additional user accounts to be created automatically.";
    };

    users.groups = mkOption {
      default = { };
      type = with types; attrsOf (submodule ({ name, ... }: {
        options.gid = mkOption {
          type = types.nullOr types.int;
          default = null;
          description = "The group GID.";
        };
      }));
      description = "Additional groups to be created automatically.";
    };
  };
}
