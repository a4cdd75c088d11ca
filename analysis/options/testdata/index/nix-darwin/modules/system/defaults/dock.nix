{ config, lib, ... }:

with lib;

{
  options = {
    system.defaults.dock.autohide = mkOption {
      type = types.nullOr types.bool;
      default = null;
      description = "Whether to automatically hide and show the dock.";
    };
    system.defaults.dock.orientation = mkOption {
      type = types.nullOr (types.enum [ "bottom" "left" "right" ]);
      default = null;
      description = "Position of the dock on screen.";
    };
    system.defaults.dock.tilesize = mkOption {
      type = types.nullOr types.int;
      default = null;
      description = "Size of the icons in the dock.";
    };
  };
}
