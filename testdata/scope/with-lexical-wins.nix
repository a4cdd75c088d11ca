# scope: unused-with
pkgs: let hello = 1; in with pkgs; hello
