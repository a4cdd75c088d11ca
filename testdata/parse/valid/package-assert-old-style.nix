{ stdenv, lib, fetchurl, ncurses
, gpmSupport ? stdenv.isLinux, gpm ? null
, x11Support ? false, libX11 ? null, libXt ? null
}:

assert gpmSupport -> gpm != null;
assert x11Support -> libX11 != null && libXt != null;

stdenv.mkDerivation rec {
  name = "mini-fm-${version}";
  version = "4.8.1";

  src = fetchurl {
    urls = [
      "https://example.org/downloads/mini-fm-${version}.tar.xz"
      "https://mirror.example.net/mini-fm/mini-fm-${version}.tar.xz"
    ];
    sha256 = "0c2b5e5fc2f2e3d4b5a6978877665544332211aabbccddeeff00";
  };

  buildInputs = [ ncurses ]
    ++ lib.optional gpmSupport gpm
    ++ lib.optionals x11Support [ libX11 libXt ];

  configureFlags = lib.optional (!x11Support) "--without-x";

  meta = {
    description = "Text-mode file manager";
    platforms = lib.platforms.unix;
  };
}
