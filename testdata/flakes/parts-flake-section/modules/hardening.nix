{ lib, ... }:
{
  security.sudo.execWheelOnly = true;
  services.openssh.settings = {
    PasswordAuthentication = false;
    KbdInteractiveAuthentication = false;
  };
  boot.kernel.sysctl."kernel.kptr_restrict" = lib.mkDefault 2;
}
