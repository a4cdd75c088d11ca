{
  description = "Monorepo development environments";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachSystem [ "x86_64-linux" "aarch64-darwin" ] (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          config.allowUnfreePredicate = pkg: builtins.elem (nixpkgs.lib.getName pkg) [ "terraform" ];
        };
        common = with pkgs; [ git just pre-commit ];
      in
      {
        devShells = {
          default = pkgs.mkShell { packages = common; };

          frontend = pkgs.mkShell {
            packages = common ++ [ pkgs.nodejs_20 pkgs.pnpm ];
            shellHook = ''
              export PATH="$PWD/node_modules/.bin:$PATH"
            '';
          };

          backend = pkgs.mkShell {
            packages = common ++ (with pkgs; [ python312 uv postgresql_16 ]);
            PGDATA = "./.pg";
            LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath [ pkgs.stdenv.cc.cc ];
          };

          infra = pkgs.mkShellNoCC {
            packages = common ++ [ pkgs.terraform pkgs.awscli2 pkgs.kubectl ];
          };
        };
      });
}
