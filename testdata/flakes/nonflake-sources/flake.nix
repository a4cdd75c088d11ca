{
  description = "Home Manager dotfiles with plugins fetched as non-flake inputs";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    home-manager = {
      url = "github:nix-community/home-manager";
      inputs.nixpkgs.follows = "nixpkgs";
    };

    vim-fugitive = { url = "github:tpope/vim-fugitive"; flake = false; };
    nvim-treesitter-context = { url = "github:nvim-treesitter/nvim-treesitter-context"; flake = false; };
    zsh-syntax-highlighting = { url = "github:zsh-users/zsh-syntax-highlighting/0.8.0"; flake = false; };
    catppuccin-bat = { url = "github:catppuccin/bat"; flake = false; };

    # single files (no archive extension + flake = false => "file" inputs)
    hosts-blocklist = {
      url = "https://raw.githubusercontent.com/StevenBlack/hosts/master/hosts";
      flake = false;
    };
    gitignore-nix = {
      url = "https://raw.githubusercontent.com/github/gitignore/main/Nix.gitignore";
      flake = false;
    };
  };

  outputs = { nixpkgs, home-manager, ... }@inputs:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
      plugin = name: pkgs.vimUtils.buildVimPlugin {
        pname = name;
        version = inputs.${name}.shortRev;
        src = inputs.${name};
      };
    in
    {
      homeConfigurations.frank = home-manager.lib.homeManagerConfiguration {
        inherit pkgs;
        modules = [
          {
            home.username = "frank";
            home.homeDirectory = "/home/frank";
            home.stateVersion = "24.11";

            programs.neovim = {
              enable = true;
              plugins = [ (plugin "vim-fugitive") (plugin "nvim-treesitter-context") ];
            };

            programs.zsh = {
              enable = true;
              plugins = [{
                name = "zsh-syntax-highlighting";
                src = inputs.zsh-syntax-highlighting;
              }];
            };

            programs.bat = {
              enable = true;
              themes.catppuccin-mocha = {
                src = inputs.catppuccin-bat;
                file = "themes/Catppuccin Mocha.tmTheme";
              };
            };

            home.file.".config/git/ignore".source = inputs.gitignore-nix;
            home.file.".local/share/hosts-blocklist".source = inputs.hosts-blocklist;
          }
        ];
      };
    };
}
