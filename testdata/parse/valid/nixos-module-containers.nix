{ lib, pkgs, ... }:

{
  virtualisation.oci-containers = {
    backend = "podman";
    containers = {
      homeassistant = {
        image = "ghcr.io/home-assistant/home-assistant:stable";
        volumes = [
          "/var/lib/hass:/config"
          "/etc/localtime:/etc/localtime:ro"
        ];
        environment.TZ = "Europe/Berlin";
        extraOptions = [ "--network=host" "--device=/dev/ttyUSB0:/dev/ttyUSB0" ];
      };

      whoami = {
        image = "traefik/whoami";
        ports = [ "127.0.0.1:8000:80" ];
        cmd = [ "--verbose" ];
      };
    };
  };

  systemd.tmpfiles.rules = [
    "d /var/lib/hass 0750 root root -"
  ];

  # Run a tiny NixOS container alongside the OCI ones.
  containers.dns = {
    autoStart = true;
    privateNetwork = true;
    hostAddress = "10.233.1.1";
    localAddress = "10.233.1.2";
    config = { config, pkgs, ... }: {
      services.unbound = {
        enable = true;
        settings.server = {
          interface = [ "0.0.0.0" ];
          access-control = [ "10.0.0.0/8 allow" ];
        };
      };
      networking.firewall.allowedUDPPorts = [ 53 ];
      system.stateVersion = "24.05";
    };
  };
}
