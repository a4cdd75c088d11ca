{ config, pkgs, lib, ... }:

{
  home.username = "alice";
  home.homeDirectory = "/home/alice";
  home.stateVersion = "24.05";

  home.packages = with pkgs; [
    ripgrep
    fd
    eza
    bat
    jq
    (nerdfonts.override { fonts = [ "JetBrainsMono" ]; })
  ];

  home.sessionVariables = {
    EDITOR = "nvim";
    PAGER = "less -R";
  };

  programs.git = {
    enable = true;
    userName = "Alice Example";
    userEmail = "alice@example.org";
    aliases = {
      st = "status -sb";
      lg = "log --graph --oneline --decorate";
    };
    extraConfig = {
      init.defaultBranch = "main";
      pull.rebase = true;
      "url \"git@github.com:\"".insteadOf = "https://github.com/";
    };
    ignores = [ ".direnv" "result" "*.swp" ];
  };

  programs.zsh = {
    enable = true;
    enableCompletion = true;
    autosuggestion.enable = true;
    shellAliases = {
      ls = "eza";
      cat = "bat --plain";
      rebuild = "sudo nixos-rebuild switch --flake ~/nixos#${config.home.username}";
    };
    initExtra = ''
      bindkey '^R' history-incremental-search-backward
    '';
  };

  programs.direnv = {
    enable = true;
    nix-direnv.enable = true;
  };

  xdg.configFile."alacritty/alacritty.toml".source = ./dotfiles/alacritty.toml;

  home.file.".local/bin/hello" = {
    executable = true;
    text = ''
      #!/bin/sh
      echo "hello from home-manager"
    '';
  };

  programs.home-manager.enable = true;
}
