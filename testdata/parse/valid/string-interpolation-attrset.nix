pkgs: "${pkgs.hello}/bin/hello"
