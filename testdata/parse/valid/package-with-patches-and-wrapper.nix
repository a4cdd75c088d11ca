{ lib
, stdenv
, fetchFromGitHub
, fetchpatch
, makeWrapper
, python3
, git
, coreutils
, gnused
}:

stdenv.mkDerivation rec {
  pname = "repo-helper";
  version = "unstable-2024-02-11";

  src = fetchFromGitHub {
    owner = "example";
    repo = "repo-helper";
    rev = "3f2a1c0de4b5a6978877665544332211aabbccdd";
    sha256 = "sha256-HHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHH=";
  };

  patches = [
    ./fix-hardcoded-paths.patch
    (fetchpatch {
      name = "python-3.12-compat.patch";
      url = "https://github.com/example/repo-helper/commit/abcdef0.patch";
      hash = "sha256-IIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIII=";
    })
  ];

  nativeBuildInputs = [ makeWrapper ];
  buildInputs = [ (python3.withPackages (ps: with ps; [ click gitpython ])) ];

  makeFlags = [ "PREFIX=${placeholder "out"}" ];

  postFixup = ''
    wrapProgram $out/bin/repo-helper \
      --prefix PATH : ${lib.makeBinPath [ git coreutils gnused ]} \
      --set-default REPO_HELPER_HOME "\$HOME/.local/share/repo-helper"
  '';

  meta = with lib; {
    description = "Helper for managing many git checkouts";
    license = licenses.gpl2Only;
    platforms = platforms.all;
  };
}
