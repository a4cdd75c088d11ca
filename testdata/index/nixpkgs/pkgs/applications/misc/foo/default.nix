{ lib, stdenv }:

stdenv.mkDerivation {
  pname = "foo";
  version = "1.0";
  meta = with lib; {
    description = ''
      A program called foo
    '';
    license = licenses.mit;
  };
}
