{ pkgs ? import <nixpkgs> { } }:

let
  project = import ./default.nix { inherit pkgs; };
in
pkgs.mkShell {
  inputsFrom = [ project.backend project.frontend ];
  packages = with pkgs; [
    gopls
    nodePackages.typescript-language-server
    just
  ];
  shellHook = ''
    export WEBAPP_DEV=1
    echo "backend ${project.backend.version}"
  '';
}
