{ lib, stdenv, fetchurl, perl, callPackage, nixosTests }:

stdenv.mkDerivation rec {
  pname = "mini-httpd";
  version = "1.30";

  src = fetchurl {
    url = "https://example.org/releases/${pname}-${version}.tar.xz";
    hash = "sha256-KKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK=";
  };

  outputs = [ "out" "doc" ];

  nativeBuildInputs = [ perl ];

  preBuild = ''
    makeFlagsArray+=(CFLAGS="-O2 -DNDEBUG" BINDIR=$out/bin MANDIR=$doc/share/man)
  '';

  installTargets = [ "install" "install-docs" ];

  passthru = {
    tests = {
      nixos = nixosTests.mini-httpd or null;
      smoke = callPackage ./smoke-test.nix { };
    };
    # exposed for modules that need to know the default port
    defaultPort = 8080;
  };

  meta = with lib; {
    description = "Small HTTP server";
    license = licenses.bsd2;
    platforms = platforms.unix;
  };
}
