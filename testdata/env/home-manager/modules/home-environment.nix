{ config, lib, pkgs, ... }:
{
  options.home.stateVersion = lib.mkOption {
    type = lib.types.str;
    description = "The home-manager release this configuration was written for.";
  };
}
