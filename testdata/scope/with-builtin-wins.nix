# scope: unused-with
pkgs: with pkgs; map
