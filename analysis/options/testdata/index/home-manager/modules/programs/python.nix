{ config, lib, pkgs, ... }:
{
  options.programs.python = {
    enable = lib.mkEnableOption "Python";
    package = lib.mkPackageOption pkgs [ "python3Packages" "python" ] { nullable = true; };
  };
}
