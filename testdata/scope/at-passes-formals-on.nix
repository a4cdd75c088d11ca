# scope: unused-formal
{ stdenv, fetchurl, patches ? [ ], ... }@args:
stdenv.mkDerivation (args // { name = "x"; })
