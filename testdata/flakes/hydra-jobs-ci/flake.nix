{
  description = "libspline: C library with Hydra jobs and a GitHub Actions matrix";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    nix-github-actions = {
      url = "github:nix-community/nix-github-actions";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, nix-github-actions }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = forAllSystems (pkgs: rec {
        libspline = pkgs.callPackage ./package.nix { };
        libspline-static = libspline.overrideAttrs (old: {
          mesonFlags = (old.mesonFlags or [ ]) ++ [ "-Ddefault_library=static" ];
        });
        default = libspline;
      });

      checks = forAllSystems (pkgs: {
        inherit (self.packages.${pkgs.stdenv.hostPlatform.system}) libspline libspline-static;
        clang = self.packages.${pkgs.stdenv.hostPlatform.system}.libspline.override {
          stdenv = pkgs.clangStdenv;
        };
      });

      hydraJobs = {
        build = nixpkgs.lib.genAttrs systems (system: self.packages.${system}.libspline);
        static = nixpkgs.lib.genAttrs [ "x86_64-linux" ] (system: self.packages.${system}.libspline-static);
        release = nixpkgs.legacyPackages.x86_64-linux.releaseTools.aggregate {
          name = "libspline-release";
          constituents = [ self.hydraJobs.build.x86_64-linux self.hydraJobs.static.x86_64-linux ];
        };
      };

      githubActions = nix-github-actions.lib.mkGithubMatrix {
        checks = nixpkgs.lib.getAttrs [ "x86_64-linux" "aarch64-darwin" ] self.checks;
      };
    };
}
