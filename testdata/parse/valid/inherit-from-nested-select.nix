pkgs: { inherit (pkgs.lib.strings) concatStrings; }
