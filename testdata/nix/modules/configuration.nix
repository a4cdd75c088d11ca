{ config, pkgs, ... }:

{
  imports = [
    ./hardware.nix
    ./nginx-site.nix
  ];

  boot.loader.systemd-boot.enable = true;
  boot.loader.efi.canTouchEfiVariables = true;

  networking.hostName = "workstation";
  networking.networkmanager.enable = true;

  time.timeZone = "Europe/Berlin";
  i18n.defaultLocale = "en_US.UTF-8";

  users.users.alice = {
    isNormalUser = true;
    extraGroups = [ "wheel" "networkmanager" ];
    shell = pkgs.zsh;
  };

  programs.zsh.enable = true;

  environment.systemPackages = with pkgs; [
    git
    vim
    wget
    htop
  ];

  services.openssh = {
    enable = true;
    settings.PasswordAuthentication = false;
  };

  services.exampleSite = {
    enable = true;
    domain = "example.org";
  };

  system.stateVersion = "24.05";
}
