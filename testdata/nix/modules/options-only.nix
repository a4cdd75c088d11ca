{ lib, ... }:

let
  inherit (lib) mkOption types;

  portOption = default: mkOption {
    type = types.port;
    inherit default;
    description = "TCP port.";
  };
in
{
  options.example = {
    http = portOption 8080;
    metrics = portOption 9100;
    hosts = mkOption {
      type = types.attrsOf (types.submodule ({ name, config, ... }: {
        options = {
          address = mkOption {
            type = types.str;
            default = name;
            description = "Address of the host; defaults to its attribute name.";
          };
          url = mkOption {
            type = types.str;
            readOnly = true;
            default = "http://${config.address}";
            description = "URL derived from the address.";
          };
        };
      }));
      default = { };
      description = "Hosts to monitor.";
    };
  };
}
