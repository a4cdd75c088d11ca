{
  description = ''
    Flake with many kinds of inputs: lib-dir, abs-share, pinned,
    pkgs-alias
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
    lib-dir.url = "github:nix-community/nixpkgs.lib?dir=lib";
    abs-share.url = "path:/srv/nix/shared";
    pinned.url = "github:NixOS/nixpkgs/d19c2ed665464fa88077274393e59bb24a89db56";
    pkgs-alias.follows = "nixpkgs";
  };

  nixConfig = {
    extra-substituters = [ "https://cache.example.org" ];
    extra-trusted-public-keys = [ "cache.example.org-1:Xh7O4Gp/wG8wWuXBKs/np/Z7js5692ky7Tr6sAw8aSE=" ];
  };

  outputs = { self, nixpkgs, ... }@inputs:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      packages.${system}.sources = pkgs.linkFarm "sources" [
        { name = "lib-dir"; path = inputs.lib-dir; }
        { name = "abs-share"; path = inputs.abs-share; }
        { name = "pinned"; path = inputs.pinned; }
        { name = "pkgs-alias"; path = inputs.pkgs-alias; }
      ];

      devShells.${system}.default = pkgs.mkShell {
        packages = [ pkgs.curl pkgs.wget ];
      };
    };
}
