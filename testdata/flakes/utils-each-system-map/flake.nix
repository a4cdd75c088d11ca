{
  description = "A small string-manipulation library for Nix, with a CLI";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  inputs.flake-utils.url = "github:numtide/flake-utils";

  outputs = { self, nixpkgs, flake-utils }: {
    lib = import ./lib.nix { inherit (nixpkgs) lib; };

    packages = flake-utils.lib.eachDefaultSystemMap (system:
      let pkgs = nixpkgs.legacyPackages.${system}; in {
        strutil = pkgs.writeShellApplication {
          name = "strutil";
          runtimeInputs = [ pkgs.coreutils pkgs.gnused ];
          text = builtins.readFile ./strutil.sh;
        };
        default = self.packages.${system}.strutil;
      });

    devShells = flake-utils.lib.eachDefaultSystemMap (system: {
      default = nixpkgs.legacyPackages.${system}.mkShell {
        packages = [ nixpkgs.legacyPackages.${system}.shellcheck ];
      };
    });

    checks = flake-utils.lib.eachSystemMap [ "x86_64-linux" "aarch64-linux" ] (system: {
      lib-tests = nixpkgs.legacyPackages.${system}.runCommand "lib-tests" { } ''
        echo ${builtins.toJSON (import ./tests.nix { inherit (self) lib; })} > $out
      '';
    });
  };
}
