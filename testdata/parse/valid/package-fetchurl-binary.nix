{ lib
, stdenvNoCC
, fetchurl
, autoPatchelfHook
, makeWrapper
, glibc
, zlib
}:

let
  sources = {
    x86_64-linux = {
      url = "https://releases.example.com/tool/1.9.0/tool-linux-amd64.tar.gz";
      sha256 = "1111111111111111111111111111111111111111111111111111";
    };
    aarch64-linux = {
      url = "https://releases.example.com/tool/1.9.0/tool-linux-arm64.tar.gz";
      sha256 = "2222222222222222222222222222222222222222222222222222";
    };
  };
  system = stdenvNoCC.hostPlatform.system;
  source = sources.${system} or (throw "unsupported system: ${system}");
in
stdenvNoCC.mkDerivation {
  pname = "tool-bin";
  version = "1.9.0";

  src = fetchurl source;
  sourceRoot = ".";

  nativeBuildInputs = [ autoPatchelfHook makeWrapper ];
  buildInputs = [ glibc zlib ];

  dontConfigure = true;
  dontBuild = true;

  installPhase = ''
    runHook preInstall
    install -Dm755 tool $out/bin/tool
    runHook postInstall
  '';

  meta = with lib; {
    description = "Prebuilt binary of a proprietary CLI";
    sourceProvenance = with sourceTypes; [ binaryNativeCode ];
    license = licenses.unfree;
    platforms = builtins.attrNames sources;
  };
}
