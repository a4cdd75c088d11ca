{ pkgs, lib, check ? true, minimal ? false }:

let
  modules = builtins.concatLists [
    [
      ./home-environment.nix
      ./misc/news.nix
      (pkgs.path + "/nixos/modules/misc/assertions.nix")
    ]
    (
      if minimal then
        [ ./programs/git.nix ]
      else
        lib.concatMap (dir: lib.mapAttrsToList (n: _: lib.path.append dir n) (builtins.readDir dir)) [
          ./programs
        ]
    )
  ];
in
modules
