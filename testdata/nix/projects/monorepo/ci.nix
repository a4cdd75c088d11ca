let
  release = import ./release.nix { };
  pkgs = import <nixpkgs> { };
  inherit (pkgs.lib) mapAttrsToList concatLists;
in
pkgs.runCommand "all-jobs" {
  jobs = concatLists (mapAttrsToList (_system: jobs: builtins.attrValues jobs) release.build);
} ''
  touch $out
''
