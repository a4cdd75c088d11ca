{
  description = "Flake with many kinds of inputs: gl-lib, lib-dir, pinned, company-lib, pkgs-alias";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
    gl-lib.url = "gitlab:veloren%2Fdev/nix-utils/master";
    lib-dir.url = "github:nix-community/nixpkgs.lib?dir=lib";
    pinned.url = "github:NixOS/nixpkgs/9b95e3df23e36a268c28ba445f702fe316b6eb80";
    company-lib = {
      url = "git+https://git.example.org/platform/nix-lib.git?ref=main";
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
        { name = "gl-lib"; path = inputs.gl-lib; }
        { name = "lib-dir"; path = inputs.lib-dir; }
        { name = "pinned"; path = inputs.pinned; }
        { name = "company-lib"; path = inputs.company-lib; }
        { name = "pkgs-alias"; path = inputs.pkgs-alias; }
      ];

      devShells.${system}.default = pkgs.mkShell {
        packages = [ pkgs.curl pkgs.git ];
      };
    };
}
