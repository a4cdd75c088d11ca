{ stdenv }:

stdenv.mkDerivation {
  pname = "local";
  version = "0.0.1";
  src = ./src/;
  installPhase = "cp -r . $out";
}
