{ ... }:
{
  boot.loader.grub.device = "/dev/sda";
  fileSystems."/" = { device = "/dev/sda1"; fsType = "ext4"; };
  services.gitlab-runner.enable = true;
  system.stateVersion = "25.05";
}
