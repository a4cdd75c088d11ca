# scope: unused-with
pkgs: with pkgs; 1
