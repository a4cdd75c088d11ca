final: prev:
let
  isStatic = final.stdenv.hostPlatform.isStatic;
  isCross = final.stdenv.buildPlatform != final.stdenv.hostPlatform;
in
{
  # Static builds do not support systemd.
  util-linux = if isStatic then prev.util-linux.override { systemdSupport = false; } else prev.util-linux;

  busybox-sandbox = prev.busybox.override {
    enableStatic = true;
    extraConfig = ''
      CONFIG_INSTALL_APPLET_DONT y
      CONFIG_INSTALL_APPLET_SYMLINKS n
    '';
  };

  hello-cross-check = assert isCross -> final.stdenv.hostPlatform.config != ""; final.hello;
}
