{ config, lib, pkgs, ... }:

let
  inherit (pkgs.stdenv) isDarwin isLinux;
in
{
  home.packages = with pkgs;
    [ coreutils gnugrep ]
    ++ lib.optionals isLinux [ wl-clipboard xdg-utils ]
    ++ lib.optionals isDarwin [ pkgs.darwin.trash m-cli ];

  programs.kitty = lib.mkIf isLinux {
    enable = true;
    font = { name = "JetBrains Mono"; size = 11; };
    settings = {
      scrollback_lines = 10000;
      enable_audio_bell = false;
      background_opacity = "0.95";
    };
    keybindings."ctrl+shift+enter" = "new_window_with_cwd";
  };

  targets.genericLinux.enable = isLinux && !(builtins.pathExists /etc/NIXOS);

  home.sessionPath = [ "$HOME/.local/bin" ] ++ lib.optional isDarwin "/opt/homebrew/bin";
}
