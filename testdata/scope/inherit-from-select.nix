# scope: 
pkgs: { inherit (pkgs.lib) mkIf mkOption; }
