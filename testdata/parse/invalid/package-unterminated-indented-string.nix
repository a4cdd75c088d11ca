{ stdenv, python3 }:

stdenv.mkDerivation {
  pname = "scripts";
  version = "1";
  src = ./.;
  buildInputs = [ python3 ];
  installPhase = ''
    mkdir -p $out/bin
    cp scripts/*.py $out/bin/
    patchShebangs $out/bin
  ';
}
