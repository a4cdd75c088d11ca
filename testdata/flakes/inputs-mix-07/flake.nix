{
  description = ''
    Flake with many kinds of inputs: pinned, attrs-gh, lib-dir,
    attrs-git
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    pinned.url = "github:NixOS/nixpkgs/b9926338e25baa1c7441873e7fa5ef30634f523a";
    attrs-gh = {
      type = "github";
      owner = "numtide";
      repo = "treefmt-nix";
      ref = "main";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    lib-dir.url = "github:nix-community/nixpkgs.lib?dir=lib";
    attrs-git = {
      type = "git";
      url = "https://git.example.org/team/config.git";
      ref = "main";
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
        { name = "pinned"; path = inputs.pinned; }
        { name = "attrs-gh"; path = inputs.attrs-gh; }
        { name = "lib-dir"; path = inputs.lib-dir; }
        { name = "attrs-git"; path = inputs.attrs-git; }
      ];

      devShells.${system}.default = pkgs.mkShell {
        packages = [ pkgs.direnv pkgs.fd ];
      };
    };
}
