{ lib, pkgs, ... }:

{
  containers.database = {
    autoStart = true;
    privateNetwork = true;
    hostAddress = "192.168.100.10";
    localAddress = "192.168.100.11";

    config = { config, pkgs, ... }: {
      services.postgresql = {
        enable = true;
        package = pkgs.postgresql_15;
        ensureDatabases = [ "app" ];
        authentication = lib.mkForce ''
          local all all trust
        '';
      };
      networking.firewall.allowedTCPPorts = [ config.services.postgresql.settings.port ];
      system.stateVersion = "24.05";
    };
  };
}
