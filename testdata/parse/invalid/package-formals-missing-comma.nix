{ lib
, stdenv
  fetchFromGitHub
, cmake
}:

stdenv.mkDerivation {
  pname = "thing";
  version = "1.0";
  src = fetchFromGitHub {
    owner = "o";
    repo = "thing";
    rev = "v1.0";
    hash = "";
  };
  nativeBuildInputs = [ cmake ];
}
