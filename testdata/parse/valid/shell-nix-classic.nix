# Classic shell.nix, usable with `nix-shell`.
{ pkgs ? import <nixpkgs> { } }:

let
  python = pkgs.python311.withPackages (ps: with ps; [
    numpy
    pandas
    matplotlib
    jupyterlab
  ]);
in
pkgs.mkShell {
  name = "data-env";

  buildInputs = [
    python
    pkgs.R
    pkgs.sqlite
  ];

  # Keep jupyter state inside the project.
  JUPYTER_CONFIG_DIR = toString ./.jupyter;

  shellHook = ''
    export PS1="\[\033[1;32m\][data-env:\w]\$\[\033[0m\] "
    echo "Python: $(python --version)"
  '';
}
