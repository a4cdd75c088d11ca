{ lib, stdenv, pkg-config, openssl, zlib }:

stdenv.mkDerivation {
  pname = "commas";
  version = "0.1";
  src = ./.;
  nativeBuildInputs = [ pkg-config ];
  buildInputs = [ openssl, zlib ];
}
