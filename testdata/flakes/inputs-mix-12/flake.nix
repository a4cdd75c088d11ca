{
  description = ''
    Flake with many kinds of inputs: abs-share, patches, attrs-
    git, pinned
  '';

  inputs = {
    nixpkgs.url = github:NixOS/nixpkgs/nixos-25.05;
    abs-share.url = "path:/srv/nix/shared";
    patches = {
      url = "https://files.example.com/patches/latest.tar.xz";
      flake = false;
    };
    attrs-git = {
      type = "git";
      url = "https://git.example.org/team/config.git";
      ref = "main";
      flake = false;
    };
    pinned.url = "github:NixOS/nixpkgs/e53c300ba2ac41ed7534bf0b2ff258def5deb512";
  };

  outputs = { self, nixpkgs, ... }@inputs:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      packages.${system}.sources = pkgs.linkFarm "sources" [
        { name = "abs-share"; path = inputs.abs-share; }
        { name = "patches"; path = inputs.patches; }
        { name = "attrs-git"; path = inputs.attrs-git; }
        { name = "pinned"; path = inputs.pinned; }
      ];

      devShells.${system}.default = pkgs.mkShell {
        packages = [ pkgs.direnv pkgs.curl ];
      };
    };
}
