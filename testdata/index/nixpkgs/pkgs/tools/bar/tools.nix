{ stdenv }:

{
  bar-cli = stdenv.mkDerivation { pname = "bar-cli"; version = "0.1"; meta.description = "bar on the command line"; };
  bar-gui = stdenv.mkDerivation { pname = "bar-gui"; version = "0.1"; };
}
