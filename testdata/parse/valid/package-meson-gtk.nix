{ lib
, stdenv
, fetchFromGitHub
, meson
, ninja
, pkg-config
, wrapGAppsHook4
, desktop-file-utils
, gtk4
, libadwaita
, glib
, gettext
}:

stdenv.mkDerivation (finalAttrs: {
  pname = "tiny-timer";
  version = "45.1";

  src = fetchFromGitHub {
    owner = "example";
    repo = "tiny-timer";
    rev = finalAttrs.version;
    hash = "sha256-JJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJ=";
  };

  nativeBuildInputs = [
    meson
    ninja
    pkg-config
    wrapGAppsHook4
    desktop-file-utils
    gettext
    glib # for glib-compile-schemas
  ];

  buildInputs = [ gtk4 libadwaita ];

  mesonFlags = [ (lib.mesonBool "tests" false) ];

  meta = {
    description = "A minimal countdown timer for GNOME";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.linux;
    mainProgram = "tiny-timer";
  };
})
