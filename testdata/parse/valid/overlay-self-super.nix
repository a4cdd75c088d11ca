self: super:

let
  inherit (super) lib;
  patchedVersions = {
    openssl = "3.0.13";
  };
in
{
  vim-configured = super.vim_configurable.customize {
    name = "vim";
    vimrcConfig.customRC = ''
      set number
      set expandtab shiftwidth=2
      syntax on
    '';
    vimrcConfig.packages.myplugins = with super.vimPlugins; {
      start = [ vim-nix fzf-vim ];
      opt = [ ];
    };
  };

  git = super.git.overrideAttrs (oldAttrs: {
    doInstallCheck = false;
    passthru = (oldAttrs.passthru or { }) // {
      patchedFor = lib.attrNames patchedVersions;
    };
  });

  fonts-bundle = super.buildEnv {
    name = "fonts-bundle";
    paths = with self; [ fira-code noto-fonts-cjk-sans noto-fonts-emoji ];
  };
}
