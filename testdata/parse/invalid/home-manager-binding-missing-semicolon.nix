{ pkgs, ... }:

{
  programs.git = {
    enable = true
    userName = "Alice";
  };
  home.packages = [ pkgs.ripgrep ];
}
