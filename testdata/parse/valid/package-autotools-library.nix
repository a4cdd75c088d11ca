{ lib, stdenv, fetchurl, pkg-config, zlib, libiconv, enableShared ? !stdenv.hostPlatform.isStatic }:

stdenv.mkDerivation (finalAttrs: {
  pname = "libexample";
  version = "2.4.1";

  src = fetchurl {
    url = "mirror://sourceforge/libexample/libexample-${finalAttrs.version}.tar.gz";
    sha256 = "0000000000000000000000000000000000000000000000000000";
  };

  outputs = [ "out" "dev" "man" ];

  nativeBuildInputs = [ pkg-config ];
  buildInputs = [ zlib ] ++ lib.optional stdenv.isDarwin libiconv;

  configureFlags = [
    "--disable-static"
    (lib.enableFeature enableShared "shared")
    "--with-zlib=${zlib.dev}"
  ];

  enableParallelBuilding = true;
  doCheck = stdenv.buildPlatform == stdenv.hostPlatform;

  preCheck = ''
    export HOME=$TMPDIR
    patchShebangs tests/
  '';

  meta = {
    description = "Example compression helper library";
    longDescription = ''
      libexample provides helpers for streaming compression.
      It is used by a number of command line tools.
    '';
    homepage = "https://example.org/libexample";
    license = lib.licenses.bsd3;
    platforms = lib.platforms.unix;
    pkgConfigModules = [ "libexample" ];
  };
})
