# scope: 
{ pkgs ? import <nixpkgs> { } }:
pkgs.mkShell {
  packages = with pkgs; [ go gopls ];
  shellHook = ''
    echo ${pkgs.go.version}
  '';
}
