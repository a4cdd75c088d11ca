{ lib, ... }:
{
  options.services.openssh.hostKeys = lib.mkOption {
    type = lib.types.listOf lib.types.attrs;
    default = [ { type = "ed25519"; path = "/etc/ssh/ssh_host_ed25519_key"; } ];
    description = "NixOS can automatically generate SSH host keys.";
  };
}
