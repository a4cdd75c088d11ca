{
  description = "Legacy project still using flake-utils.lib.simpleFlake";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-23.11";
  inputs.flake-utils.url = "github:numtide/flake-utils";

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.simpleFlake {
      inherit self nixpkgs;
      name = "cowsay-server";
      overlay = ./overlay.nix;
      shell = ./shell.nix;
    };
}
