with import <nixpkgs> { };

let
  version = "0.9";
in
stdenv.mkDerivation {
  name = "legacy-tool-${version}";
  builder = ./builder.sh;
  src = ./src;

  buildInputs = [ gnumake gcc perl ];

  # Old-style attributes passed straight to the builder as env vars.
  configureFlags = "--enable-foo --disable-bar";
  NIX_CFLAGS_COMPILE = "-Wno-error";

  meta = {
    description = "A package in the pre-callPackage style";
    platforms = stdenv.lib.platforms.linux or lib.platforms.linux;
  };
}
