let
  # A tiny lib fixed point, in the style of nixpkgs/lib/default.nix.
  fix = f: let x = f x; in x;

  lib = fix (self:
    let
      callLibs = file: import file { lib = self; };
    in
    {
      strings = callLibs ./strings.nix;
      lists = callLibs ./lists.nix;
      attrsets = callLibs ./attrsets.nix;

      inherit (self.strings) replicate padLeft capitalise;
      inherit (self.lists) foldr flatten unique range;
      inherit (self.attrsets) mapAttrsToList filterAttrs attrByPath;

      id = x: x;
      const = x: _: x;
      flip = f: a: b: f b a;
      pipe = builtins.foldl' (x: f: f x);
    });
in
lib
