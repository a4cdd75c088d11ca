{ config, lib, pkgs, ... }:
{
  options.home = {
    username = lib.mkOption {
      type = lib.types.str;
      description = "The user's username.";
    };
    sessionVariables = lib.mkOption {
      default = { };
      type = with lib.types; lazyAttrsOf (oneOf [ str path int float ]);
      description = "Environment variables to always set at login.";
    };
    stateVersion = lib.mkOption {
      type = lib.types.enum [ "24.05" "24.11" "25.05" ];
      description = "The release that the configuration is compatible with.";
    };
  };
}
