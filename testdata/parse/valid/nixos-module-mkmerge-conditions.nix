{ config, lib, pkgs, ... }:

let
  inherit (lib) mkMerge mkIf mkDefault mkForce mkBefore optionals;
  isLaptop = config.networking.hostName == "laptop";
  gpu = config.hardware.gpu or "none";
in
{
  config = mkMerge [
    {
      services.fwupd.enable = mkDefault true;
      powerManagement.enable = true;
    }

    (mkIf isLaptop {
      services.tlp.enable = true;
      services.power-profiles-daemon.enable = mkForce false;
      services.logind.lidSwitch = "suspend-then-hibernate";
    })

    (mkIf (gpu == "nvidia") {
      services.xserver.videoDrivers = [ "nvidia" ];
      hardware.nvidia.modesetting.enable = true;
      hardware.nvidia.open = false;
    })

    (mkIf (gpu == "amd" || gpu == "intel") {
      hardware.opengl.extraPackages = with pkgs; optionals (gpu == "intel") [
        intel-media-driver
        vaapiIntel
      ];
    })

    {
      environment.shellInit = mkBefore ''
        export EDITOR=nvim
      '';
    }
  ];
}
