{
  description = ''Flake with many kinds of inputs: local-tools, pinned, abs-share, nur'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    local-tools.url = "path:./tools";
    pinned.url = "github:NixOS/nixpkgs/5004f2bf81ce35a6ac03751ec265a2fec08187fe";
    abs-share.url = "path:/srv/nix/shared";
    nur = {
      url = "github:nix-community/NUR";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  nixConfig = {
    substituters = [
      "https://cache.example.org"
      "https://mirror.example.net/nix"
    ];
    trusted-public-keys = [
      "cache.example.org-1:Z/10O1m1wVLSJyc41Oz5Qf7YZkDCnbw92d83C6r3150="
      "mirror.example.net-1:aBBpehXh5dOrxH6XD4GAxM6uo5P15dTXndnMii6Ac6k="
    ];
    builders-use-substitutes = true;
  };

  outputs = { self, nixpkgs, ... }@inputs:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      packages.${system}.sources = pkgs.linkFarm "sources" [
        { name = "local-tools"; path = inputs.local-tools; }
        { name = "pinned"; path = inputs.pinned; }
        { name = "abs-share"; path = inputs.abs-share; }
        { name = "nur"; path = inputs.nur; }
      ];

      devShells.${system}.default = pkgs.mkShell {
        packages = [ pkgs.tmux pkgs.tmux ];
      };
    };
}
