{ pkgs, unstable, ... }:
{
  home.stateVersion = "24.11";
  home.packages = [ pkgs.ripgrep pkgs.fd unstable.zed-editor ];

  programs.git = {
    enable = true;
    userName = "Alice Example";
    userEmail = "alice@example.org";
  };
  programs.fish.enable = true;
  programs.starship.enable = true;
}
