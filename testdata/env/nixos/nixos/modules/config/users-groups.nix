{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  # One account: the options of users.users.<name>.
  account = { name, ... }: {
    options = {
      isNormalUser = mkOption {
        type = types.bool;
        default = false;
        description = "Whether this is an account for a person (a home directory, a login shell).";
      };
      shell = mkOption {
        type = types.nullOr types.package;
        default = null;
        description = "The account's login shell.";
      };
      extraGroups = mkOption {
        type = types.listOf types.str;
        default = [ ];
        description = "Groups the account is a member of, besides its own.";
      };
    };
  };
in
{
  options.users.users = mkOption {
    type = types.attrsOf (types.submodule account);
    default = { };
    description = "The accounts of this machine.";
  };
}
