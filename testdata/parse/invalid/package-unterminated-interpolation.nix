{ stdenv, makeWrapper, jq }:

stdenv.mkDerivation {
  pname = "wrapped";
  version = "1";
  src = ./.;
  nativeBuildInputs = [ makeWrapper ];
  postFixup = "wrapProgram $out/bin/tool --prefix PATH : ${jq/bin";
}
