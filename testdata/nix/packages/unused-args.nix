# A package whose argument list was copied from another one: some formals
# are never used.
{ lib
, stdenv
, fetchurl
, cmake
, pkg-config
, openssl
, zlib
}:

stdenv.mkDerivation rec {
  pname = "libexample";
  version = "1.0.2";

  src = fetchurl {
    url = "https://example.org/releases/${pname}-${version}.tar.xz";
    sha256 = "0000000000000000000000000000000000000000000000000000";
  };

  nativeBuildInputs = [ cmake ];
  buildInputs = [ openssl ];

  meta.license = lib.licenses.mit;
}
