self: super:

with super.lib;

{
  myEmacs = super.emacs.pkgs.withPackages (epkgs: with epkgs; [
    magit
    nix-mode
    use-package
  ]);

  tools = recurseIntoAttrs {
    inherit (super) jq yq ripgrep;
    fd = super.fd.override { };
  };

  firefox-unwrapped = super.firefox-unwrapped.overrideAttrs (old: {
    configureFlags = (old.configureFlags or [ ]) ++ optional (super.stdenv.isLinux) "--enable-wayland";
  });
}
