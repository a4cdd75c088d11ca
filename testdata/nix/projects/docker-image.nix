{ pkgs ? import <nixpkgs> { } }:

let
  app = pkgs.writeShellApplication {
    name = "serve";
    runtimeInputs = [ pkgs.python3 ];
    text = ''
      exec python3 -m http.server "''${PORT:-8000}"
    '';
  };
in
pkgs.dockerTools.buildLayeredImage {
  name = "serve";
  tag = "latest";
  contents = [ app pkgs.cacert ];
  config = {
    Cmd = [ "${app}/bin/serve" ];
    ExposedPorts."8000/tcp" = { };
    Env = [ "SSL_CERT_FILE=${pkgs.cacert}/etc/ssl/certs/ca-bundle.crt" ];
  };
}
