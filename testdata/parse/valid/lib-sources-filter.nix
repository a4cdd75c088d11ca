{ lib }:

let
  inherit (lib) hasSuffix hasPrefix elem;

  ignoredDirs = [ ".git" "node_modules" "target" "result" ".direnv" ];
  ignoredSuffixes = [ ".swp" "~" ".orig" ".rej" ];
in
{
  # A source filter suitable for builtins.path / cleanSourceWith.
  filter = path: type:
    let base = baseNameOf (toString path);
    in !(type == "directory" && elem base ignoredDirs)
       && !(lib.any (s: hasSuffix s base) ignoredSuffixes)
       && !(hasPrefix ".#" base)
       && base != "flake.lock";

  cleanSrc = src: lib.cleanSourceWith {
    inherit src;
    name = "source";
    filter = path: type: (import ./lib-sources-filter.nix { inherit lib; }).filter path type;
  };

  onlyNix = src: builtins.path {
    path = src;
    name = "nix-files";
    filter = path: type: type == "directory" || hasSuffix ".nix" path;
  };
}
