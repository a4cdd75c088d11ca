{ lib, stdenvNoCC, fetchzip }:

let
  version = "3.2";
  mkFont = { name, sha256 }: stdenvNoCC.mkDerivation {
    pname = "example-font-${lib.toLower name}";
    inherit version;

    src = fetchzip {
      url = "https://example.org/fonts/${name}-${version}.zip";
      inherit sha256;
      stripRoot = false;
    };

    installPhase = ''
      runHook preInstall
      install -Dm644 -t $out/share/fonts/truetype *.ttf
      runHook postInstall
    '';

    meta = {
      description = "The ${name} family of the example fonts";
      license = lib.licenses.ofl;
    };
  };
in
lib.recurseIntoAttrs {
  sans = mkFont { name = "Sans"; sha256 = "sha256-DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD="; };
  serif = mkFont { name = "Serif"; sha256 = "sha256-EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE="; };
  mono = mkFont { name = "Mono"; sha256 = "sha256-FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF="; };
}
