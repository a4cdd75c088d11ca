{
  lib,
  stdenv,
  fetchurl,
}:

stdenv.mkDerivation (finalAttrs: {
  pname = "hello";
  version = "2.12.2";

  src = fetchurl {
    url = "mirror://gnu/hello/hello-${finalAttrs.version}.tar.gz";
    hash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  };

  passthru.tests.run = stdenv.mkDerivation {
    name = "hello-test";
    meta.description = "Not the package's description";
  };

  meta = {
    description = "Program that prints a friendly \"hello\"";
    homepage = "https://www.gnu.org/software/hello/";
    license = lib.licenses.gpl3Only;
    mainProgram = "hello";
  };
})
