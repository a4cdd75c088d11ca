{
  description = "C library with CI jobs";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-23.11";

  outputs = { self, nixpkgs }:
    let
      supportedSystems = [ "x86_64-linux" "aarch64-linux" ];
      forAll = nixpkgs.lib.genAttrs supportedSystems;
      pkgsFor = system: nixpkgs.legacyPackages.${system};

      mkLib = pkgs: stdenv: stdenv.mkDerivation {
        pname = "libthing";
        version = "0.1.${toString (self.lastModified or 0)}";
        src = self;
        nativeBuildInputs = [ pkgs.meson pkgs.ninja ];
        doCheck = true;
      };
    in
    {
      packages = forAll (system:
        let pkgs = pkgsFor system; in {
          default = mkLib pkgs pkgs.stdenv;
          clang = mkLib pkgs pkgs.clangStdenv;
          static = mkLib pkgs pkgs.pkgsStatic.stdenv;
        });

      checks = forAll (system: self.packages.${system} // {
        format = (pkgsFor system).runCommand "check-format" { } ''
          ${(pkgsFor system).clang-tools}/bin/clang-format --dry-run --Werror ${./src}/*.c
          touch $out
        '';
      });

      hydraJobs = {
        inherit (self) packages;
        release = nixpkgs.lib.mapAttrs (_: p: p.default) self.packages;
      };
    };
}
