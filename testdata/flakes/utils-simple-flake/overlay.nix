final: prev: {
  cowsay-server = {
    defaultPackage = final.writeShellScriptBin "cowsay-server" ''
      exec ${final.socat}/bin/socat TCP-LISTEN:8080,fork,reuseaddr EXEC:${final.cowsay}/bin/cowsay
    '';
    checks = { };
  };
}
