{ config, lib, ... }:
let
  inherit (lib) mkOption types;
in
{
  options.networking = {
    hostName = mkOption {
      type = types.str;
      default = "nixos";
      description = "The name of this machine, as other machines on the network see it.";
    };
    firewall.enable = lib.mkEnableOption "the packet filter" // { default = true; };
  };
}
