let
  pkgs = import <nixpkgs> {
    crossSystem = { config = "aarch64-unknown-linux-gnu"; };
  };
  inherit (pkgs) pkgsBuildHost pkgsHostTarget;
in
pkgsHostTarget.stdenv.mkDerivation {
  name = "cross-hello";
  src = ./.;
  depsBuildBuild = [ pkgsBuildHost.stdenv.cc ];
  nativeBuildInputs = [ pkgsBuildHost.cmake ];
}
