{ modulePath, name }:
{ config, lib, ... }:
{
  options = lib.setAttrByPath modulePath {
    enable = lib.mkEnableOption name;
    profiles = lib.mkOption {
      type = lib.types.attrsOf (lib.types.submodule {
        options.isDefault = lib.mkOption {
          type = lib.types.bool;
          default = false;
          description = "Whether this is a default profile.";
        };
      });
      default = { };
      description = "Attribute set of profiles.";
    };
  };
}
