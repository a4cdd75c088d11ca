{
  description = ''Flake with many kinds of inputs: docs-theme, gl-app, dataset'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    docs-theme = {
      url = "git+https://git.example.net/web/theme.git?ref=stable&shallow=1";
      flake = false;
    };
    gl-app = {
      url = gitlab:fdroid/fdroidserver;
      flake = false;
    };
    dataset = {
      url = "https://downloads.example.org/data/cities-2025.tar.gz";
      flake = false;
    };
  };

  outputs = { self, nixpkgs, ... }@inputs:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      packages.${system}.sources = pkgs.linkFarm "sources" [
        { name = "docs-theme"; path = inputs.docs-theme; }
        { name = "gl-app"; path = inputs.gl-app; }
        { name = "dataset"; path = inputs.dataset; }
      ];

      devShells.${system}.default = pkgs.mkShell {
        packages = [ pkgs.fd pkgs.wget ];
      };
    };
}
