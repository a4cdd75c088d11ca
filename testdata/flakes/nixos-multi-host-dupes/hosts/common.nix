{ self, pkgs, ... }:
{
  sops.defaultSopsFile = ../secrets/common.yaml;
  time.timeZone = "Europe/Berlin";
  nix.settings.trusted-users = [ "@wheel" ];
  system.configurationRevision = self.rev or "dirty";
  system.stateVersion = "24.11";
}
