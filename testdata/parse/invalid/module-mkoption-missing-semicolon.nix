{ lib, ... }:

with lib;

{
  options.services.bar = {
    user = mkOption {
      type = types.str
      default = "bar";
      description = "User to run as.";
    };
  };
}
