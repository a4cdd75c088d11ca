# A module where a helper became unused after a refactoring.
{ config, lib, pkgs, ... }:

with lib;

let
  cfg = config.programs.exampleTool;
  oldDefaultConfig = pkgs.writeText "example.conf" "verbose = false";
in
{
  options.programs.exampleTool.enable = mkEnableOption "exampleTool";

  config = mkIf cfg.enable {
    environment.systemPackages = [ pkgs.hello ];
  };
}
