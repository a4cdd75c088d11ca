{
  description = ''
    Flake with many kinds of inputs: vendored, docs-theme,
    local-tools, company-lib, pkgs-alias
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
    vendored = {
      url = "git+https://git.example.com/vendor/sources.git?submodules=1";
      flake = false;
    };
    docs-theme = {
      url = "git+https://git.example.net/web/theme.git?ref=stable&shallow=1";
      flake = false;
    };
    local-tools.url = "path:./tools";
    company-lib = {
      url = "git+https://git.example.org/platform/nix-lib.git?ref=release-3";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    pkgs-alias.follows = "nixpkgs";
  };

  outputs = { self, nixpkgs, ... }@inputs:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      packages.${system}.sources = pkgs.linkFarm "sources" [
        { name = "vendored"; path = inputs.vendored; }
        { name = "docs-theme"; path = inputs.docs-theme; }
        { name = "local-tools"; path = inputs.local-tools; }
        { name = "company-lib"; path = inputs.company-lib; }
        { name = "pkgs-alias"; path = inputs.pkgs-alias; }
      ];

      devShells.${system}.default = pkgs.mkShell {
        packages = [ pkgs.tmux pkgs.curl ];
      };
    };
}
