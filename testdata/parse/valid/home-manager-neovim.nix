{ pkgs, lib, ... }:

let
  fromGitHub = rev: ref: repo: pkgs.vimUtils.buildVimPlugin {
    pname = "${lib.strings.sanitizeDerivationName repo}";
    version = ref;
    src = builtins.fetchGit {
      url = "https://github.com/${repo}.git";
      inherit ref rev;
    };
  };
in
{
  programs.neovim = {
    enable = true;
    defaultEditor = true;
    viAlias = true;
    vimAlias = true;

    plugins = with pkgs.vimPlugins; [
      nvim-lspconfig
      telescope-nvim
      (nvim-treesitter.withPlugins (p: [ p.nix p.lua p.rust p.go ]))
      {
        plugin = gitsigns-nvim;
        type = "lua";
        config = ''
          require('gitsigns').setup()
        '';
      }
      (fromGitHub "0123456789abcdef0123456789abcdef01234567" "main" "example/tiny-statusline.nvim")
    ];

    extraPackages = with pkgs; [ nil lua-language-server gopls ];

    extraLuaConfig = ''
      vim.opt.number = true
      vim.opt.relativenumber = true
      vim.g.mapleader = " "
      local lsp = require('lspconfig')
      lsp.nil_ls.setup({})
      lsp.gopls.setup({})
    '';
  };
}
