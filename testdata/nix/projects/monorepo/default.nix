{ system ? builtins.currentSystem }:

let
  pkgs = import <nixpkgs> { inherit system; };
  callPackage = pkgs.lib.callPackageWith (pkgs // self);
  self = {
    cli = callPackage ./cli { };
    server = callPackage ./server { };
    common = callPackage ./common { };
  };
in
self
