{ pkgs = import <nixpkgs> { } }:

pkgs.stdenv.mkDerivation {
  name = "oops";
  src = ./.;
}
