{
  description = "Freshly created project; flake.lock not generated yet";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-parts.url = "github:hercules-ci/flake-parts";
    devshell.url = "github:numtide/devshell";
  };

  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      imports = [ inputs.devshell.flakeModule ];
      systems = [ "x86_64-linux" "aarch64-darwin" ];
      perSystem = { pkgs, ... }: {
        devshells.default = {
          packages = [ pkgs.zig pkgs.zls ];
          commands = [
            { name = "build"; command = "zig build"; help = "build the project"; }
            { name = "test"; command = "zig build test"; help = "run the tests"; }
          ];
        };
      };
    };
}
