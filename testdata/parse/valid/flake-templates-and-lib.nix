{
  description = "Shared lib and templates";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs, ... }:
    let
      lib = nixpkgs.lib;
    in
    {
      lib = import ./lib { inherit lib; };

      templates = {
        rust = {
          path = ./templates/rust;
          description = "Rust project with crane";
          welcomeText = ''
            # Getting started
            - run `nix develop`
            - run `cargo build`
          '';
        };
        python = {
          path = ./templates/python;
          description = "Python project with poetry2nix";
        };
        default = self.templates.rust;
      };

      nixosModules = {
        default = self.nixosModules.common;
        common = import ./modules/common.nix;
        server = { imports = [ ./modules/server.nix self.nixosModules.common ]; };
      };

      homeManagerModules.shell = ./home/shell.nix;
    };
}
