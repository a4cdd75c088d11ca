# scope: unused-at-name unused-formal
args@{ stdenv, fetchurl, ... }:
stdenv.mkDerivation { name = "x"; }
