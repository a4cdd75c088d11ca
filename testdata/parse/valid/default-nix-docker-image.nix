{ pkgs ? import <nixpkgs> { } }:

let
  app = pkgs.callPackage ./app.nix { };
  entrypoint = pkgs.writeShellScript "entrypoint" ''
    set -e
    if [ -n "$MIGRATE" ]; then
      ${app}/bin/app migrate
    fi
    exec ${app}/bin/app serve --port "''${PORT:-8080}"
  '';
in
pkgs.dockerTools.buildLayeredImage {
  name = "registry.example.org/app";
  tag = app.version or "latest";

  contents = [
    pkgs.cacert
    pkgs.tzdata
    pkgs.dockerTools.binSh
  ];

  config = {
    Entrypoint = [ entrypoint ];
    ExposedPorts."8080/tcp" = { };
    Env = [
      "SSL_CERT_FILE=${pkgs.cacert}/etc/ssl/certs/ca-bundle.crt"
      "TZDIR=${pkgs.tzdata}/share/zoneinfo"
    ];
    User = "65534:65534";
  };

  maxLayers = 100;
}
