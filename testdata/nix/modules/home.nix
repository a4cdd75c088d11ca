{ config, pkgs, lib, ... }:

let
  username = "alice";
  editor = "nvim";
in
{
  home.username = username;
  home.homeDirectory = "/home/${username}";
  home.stateVersion = "24.05";

  home.packages = with pkgs; [
    ripgrep
    fd
    jq
    (writeShellScriptBin "hello-home" ''
      echo "hello from ${config.home.username}"
    '')
  ];

  home.sessionVariables = {
    EDITOR = editor;
    VISUAL = editor;
  };

  programs.git = {
    enable = true;
    userName = "Alice Example";
    userEmail = "alice@example.org";
    extraConfig.init.defaultBranch = "main";
  };

  programs.bash.enable = true;
  programs.bash.shellAliases = lib.mkMerge [
    { ll = "ls -l"; }
    (lib.mkIf config.programs.git.enable { gs = "git status"; })
  ];
}
