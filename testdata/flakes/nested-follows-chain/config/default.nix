{ pkgs, ... }:
{
  colorschemes.gruvbox.enable = true;
  opts = {
    number = true;
    relativenumber = true;
    shiftwidth = 2;
  };
  plugins = {
    lualine.enable = true;
    telescope.enable = true;
    treesitter.enable = true;
    lsp = {
      enable = true;
      servers.nil_ls.enable = true;
      servers.rust_analyzer = {
        enable = true;
        installCargo = false;
        installRustc = false;
      };
    };
  };
}
