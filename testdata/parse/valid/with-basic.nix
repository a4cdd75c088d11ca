pkgs: with pkgs; [ hello git ]
