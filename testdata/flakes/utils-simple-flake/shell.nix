{ pkgs }:
pkgs.mkShell {
  packages = [ pkgs.socat pkgs.cowsay ];
}
