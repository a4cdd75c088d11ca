{ nixpkgs ? <nixpkgs>
, officialRelease ? false
, supportedSystems ? [ "x86_64-linux" "aarch64-linux" ]
}:

let
  pkgs = import nixpkgs { };
  lib = pkgs.lib;
  versionSuffix = if officialRelease then "" else "pre${toString builtins.currentTime}";

  build = system:
    let pkgs' = import nixpkgs { inherit system; };
    in pkgs'.stdenv.mkDerivation {
      pname = "frobnicator";
      version = "1.0${versionSuffix}";
      src = lib.cleanSource ./.;
      installPhase = "make install PREFIX=$out";
    };
in
{
  tarball = pkgs.releaseTools.sourceTarball {
    name = "frobnicator-tarball";
    src = ./.;
    inherit officialRelease;
    version = "1.0";
  };

  build = lib.genAttrs supportedSystems build;

  tests.unit = (build "x86_64-linux").overrideAttrs (old: {
    doCheck = true;
    checkTarget = "test";
  });
}
