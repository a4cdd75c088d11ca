/**
  The fixture's library: a small copy of the shape nixpkgs gives its lib.
*/
let
  inherit (import ./fixed-points.nix { lib = null; }) makeExtensible;

  lib = makeExtensible (
    self:
    let
      callLibs = file: import file { lib = self; };
    in
    {
      # the basics
      trivial = callLibs ./trivial.nix;
      fixedPoints = callLibs ./fixed-points.nix;

      attrsets = callLibs ./attrsets.nix;
      lists = callLibs ./lists.nix;
      strings = callLibs ./strings.nix;

      modules = callLibs ./modules.nix;
      options = callLibs ./options.nix;
      types = callLibs ./types.nix;

      licenses = callLibs ./licenses.nix;
      maintainers = import ./maintainers.nix;

      # an older name kept for compatibility
      platformsAlias = self.systems.doubles;
      systems = callLibs ./systems;

      inherit (builtins) toJSON fromJSON;
      inherit (self.trivial) id const pipe;
      inherit (self.strings) concatStringsSep hasPrefix;
      inherit (self.attrsets) mapAttrs optionalAttrs;
      inherit (self.lists) map foldl' singleton;
      inherit (self.modules) mkIf mkMerge mkDefault mkForce;
      inherit (self.options) mkOption mkEnableOption;
      inherit (self.systems.doubles) linux;
      inherit (self.fixedPoints) fix extends;
    }
  );
in
lib
