{ pkgs, lib, ... }:
let
  modules = [
    ./home-environment.nix
    ./programs/git.nix
  ];
in
modules
