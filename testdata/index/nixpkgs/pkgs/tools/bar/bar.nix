{ stdenv }:

stdenv.mkDerivation {
  pname = "bar";
  version = "0.1";
}
