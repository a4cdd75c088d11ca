# default.nix: a small package set for this repository.
{ system ? builtins.currentSystem
, pkgs ? import <nixpkgs> { inherit system; }
}:

let
  callPackage = pkgs.lib.callPackageWith (pkgs // self);

  self = {
    libfoo = callPackage ./pkgs/libfoo { };
    foo-cli = callPackage ./pkgs/foo-cli { };
    foo-docs = callPackage ./pkgs/foo-docs { };

    # Convenience: everything at once.
    all = pkgs.symlinkJoin {
      name = "foo-all";
      paths = with self; [ libfoo foo-cli foo-docs ];
    };
  };
in
self
