{ lib, stdenv, meson, ninja, pkg-config }:
stdenv.mkDerivation {
  pname = "libspline";
  version = "0.5.0";
  src = ./.;
  nativeBuildInputs = [ meson ninja pkg-config ];
  doCheck = true;
  meta = {
    description = "Spline interpolation in C";
    license = lib.licenses.bsd3;
    platforms = lib.platforms.unix;
  };
}
