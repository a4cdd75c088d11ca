{ config, lib, pkgs, ... }:

let
  inherit (lib) mkEnableOption mkOption mkIf types literalExpression;
  cfg = config.programs.fancy-prompt;
in
{
  options.programs.fancy-prompt = {
    enable = mkEnableOption "a fancy shell prompt";

    theme = mkOption {
      type = types.enum [ "dark" "light" "solarized" ];
      default = "dark";
    };

    settings = mkOption {
      type = types.attrsOf (types.oneOf [ types.str types.int types.bool ]);
      default = { };
      example = literalExpression ''
        {
          show_git = true;
          max_path_len = 40;
        }
      '';
    };
  };

  config = mkIf cfg.enable {
    environment.systemPackages = [ pkgs.starship ];

    environment.etc."fancy-prompt/config.toml".text =
      lib.concatStringsSep "\n"
        (lib.mapAttrsToList (k: v: "${k} = ${builtins.toJSON v}") (cfg.settings // { inherit (cfg) theme; }));

    programs.bash.interactiveShellInit = ''
      eval "$(${pkgs.starship}/bin/starship init bash)"
    '';
  };
}
