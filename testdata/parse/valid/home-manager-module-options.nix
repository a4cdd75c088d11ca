{ config, lib, pkgs, ... }:

with lib;

let
  cfg = config.programs.notes;
  tomlFormat = pkgs.formats.toml { };
in
{
  options.programs.notes = {
    enable = mkEnableOption "notes, a note taking CLI";

    package = mkOption {
      type = types.package;
      default = pkgs.nb;
      defaultText = literalExpression "pkgs.nb";
    };

    directory = mkOption {
      type = types.str;
      default = "${config.home.homeDirectory}/notes";
    };

    settings = mkOption {
      type = tomlFormat.type;
      default = { };
      example = { editor = "hx"; color = true; };
    };
  };

  config = mkIf cfg.enable {
    home.packages = [ cfg.package ];

    xdg.configFile."notes/config.toml" = mkIf (cfg.settings != { }) {
      source = tomlFormat.generate "notes-config" (cfg.settings // { inherit (cfg) directory; });
    };

    home.activation.createNotesDir = hm.dag.entryAfter [ "writeBoundary" ] ''
      $DRY_RUN_CMD mkdir -p ${escapeShellArg cfg.directory}
    '';
  };
}
