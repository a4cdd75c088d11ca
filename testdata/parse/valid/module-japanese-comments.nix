# 日本語のコメントを含む NixOS モジュール
{ config, lib, pkgs, ... }:

{
  # タイムゾーンとロケールの設定
  time.timeZone = "Asia/Tokyo";
  i18n.defaultLocale = "ja_JP.UTF-8";

  i18n.inputMethod = {
    enabled = "fcitx5";
    fcitx5.addons = with pkgs; [ fcitx5-mozc fcitx5-gtk ];
  };

  fonts.packages = with pkgs; [
    noto-fonts-cjk-sans # 日本語フォント
    noto-fonts-cjk-serif
    noto-fonts-emoji # 絵文字 😀🎉
  ];

  /* ユーザー設定
     ここでは「太郎」というユーザーを作成します */
  users.users.taro = {
    isNormalUser = true;
    description = "山田 太郎";
    extraGroups = [ "wheel" ];
  };

  environment.etc."motd".text = ''
    ようこそ！ 🎌
    このマシンは ${config.networking.hostName} です。
  '';
}
