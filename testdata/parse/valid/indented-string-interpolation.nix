pkgs: ''
  ${pkgs.coreutils}/bin/ls -la
  echo ${toString 42}
''
