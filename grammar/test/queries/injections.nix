{ pkgs }:
pkgs.stdenv.mkDerivation {
  buildPhase = ''
    make -j ''${NIX_BUILD_CORES} ${pkgs.hello}
  '';
  installPhase = "not indented";
  description = ''
    not shell
  '';
  passthru.script = pkgs.writeShellScript "hello" ''
    echo hi
  '';
  check = pkgs.runCommand "check" { } ''
    touch $out
  '';
}
