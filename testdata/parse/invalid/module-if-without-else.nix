{ config, lib, pkgs, ... }:

{
  environment.systemPackages = with pkgs; [ git ]
    ++ (if config.services.xserver.enable then [ firefox ]);
}
