{ config, lib, pkgs, ... }:
{
  options.home-manager.users = lib.mkOption {
    type = lib.types.attrsOf lib.types.anything;
    default = { };
    description = "Per-user Home Manager configuration.";
  };
}
