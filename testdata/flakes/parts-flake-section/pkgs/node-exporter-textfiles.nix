{ stdenvNoCC, lib }:
stdenvNoCC.mkDerivation {
  pname = "node-exporter-textfiles";
  version = "0.3.0";
  src = ./.;
  installPhase = ''
    mkdir -p $out/bin
  '';
  meta.license = lib.licenses.mit;
}
