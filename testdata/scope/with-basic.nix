# scope: 
pkgs: with pkgs; hello
