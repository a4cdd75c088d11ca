{ lib
, stdenv
, fetchFromGitLab
, cmake
, ninja
, wrapQtAppsHook
, qtbase
, qtsvg
, qttools
, libsForQt5 ? null
, withTranslations ? true
}:

let
  # Upstream tags releases with a "release-" prefix.
  tag = "release-${version}";
  version = "3.2.0";
in
stdenv.mkDerivation {
  pname = "notepadqq-lite";
  inherit version;

  src = fetchFromGitLab {
    owner = "example";
    repo = "notepad-lite";
    rev = tag;
    sha256 = "sha256-EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE=";
  };

  nativeBuildInputs = [ cmake ninja wrapQtAppsHook ]
    ++ lib.optional withTranslations qttools;

  buildInputs = [ qtbase qtsvg ];

  cmakeFlags = [
    "-DBUILD_TESTING=OFF"
    "-DENABLE_TRANSLATIONS=${if withTranslations then "ON" else "OFF"}"
  ];

  postPatch = ''
    substituteInPlace CMakeLists.txt \
      --replace 'set(CMAKE_INSTALL_PREFIX "/usr")' ""
  '';

  meta = with lib; {
    description = "Small text editor built with Qt";
    license = licenses.gpl3Plus;
    platforms = platforms.linux;
    broken = stdenv.isAarch64 && libsForQt5 == null;
  };
}
