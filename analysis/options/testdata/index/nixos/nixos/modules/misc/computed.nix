{ config, lib, ... }:

let
  mkOpt = type: default: lib.mkOption { inherit type default; description = "made by a helper"; };
  names = [ "alpha" "beta" ];
  backend = "podman";
in
{
  options.virtualisation = {
    # A name computed from a function parameter: skipped, virtualisation open.
    containers.${config.virtualisation.backendName}.enable = lib.mkEnableOption "the backend";
    # A let-bound string: known.
    ${backend}.enable = lib.mkEnableOption "podman";
    # A helper of this file: read through.
    helper = mkOpt lib.types.int 3;
    # An unknown helper from elsewhere: skipped, this path open.
    external = lib.someone.mkFancyOption "x";
    # Computed from a literal list: the names are known, nothing below them.
    generated = lib.genAttrs names (n: lib.mkEnableOption n);
  };

  options.services.settingsOnly = lib.mkOption {
    type = lib.types.attrsOf lib.types.anything;
    default = { };
    description = "Free-form settings.";
  };
}
