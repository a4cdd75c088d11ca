{ config, lib, ... }:
{
  options.system.stateVersion = lib.mkOption {
    type = lib.types.ints.between 1 6;
    default = 6;
    description = "Every once in a while, a new nix-darwin release may change configuration defaults.";
  };
  options.system.primaryUser = lib.mkOption {
    type = lib.types.nullOr lib.types.str;
    default = null;
    description = "The user used for options that previously applied to the user running `darwin-rebuild`.";
  };
}
