{
  description = "Uses a few non-flake inputs";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    systems.url = "github:nix-systems/default";

    # Plain source trees, not flakes.
    tree-sitter-nix = {
      url = "github:nix-community/tree-sitter-nix";
      flake = false;
    };
    vim-plugin-foo = {
      url = "git+https://git.example.org/vim-foo.git?ref=main";
      flake = false;
    };
    dotfiles = {
      url = "path:/home/alice/dotfiles";
      flake = false;
    };
  };

  nixConfig = {
    extra-substituters = [ "https://example.cachix.org" ];
    extra-trusted-public-keys = [ "example.cachix.org-1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" ];
  };

  outputs = { self, nixpkgs, systems, ... }@inputs:
    let
      eachSystem = f: nixpkgs.lib.genAttrs (import systems) (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = eachSystem (pkgs: {
        grammar = pkgs.tree-sitter.buildGrammar {
          language = "nix";
          version = inputs.tree-sitter-nix.shortRev or "dirty";
          src = inputs.tree-sitter-nix;
        };
        vim-foo = pkgs.vimUtils.buildVimPlugin {
          name = "vim-foo";
          src = inputs.vim-plugin-foo;
        };
      });
    };
}
