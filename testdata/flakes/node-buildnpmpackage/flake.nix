{
  description = "status-page: a Node.js status dashboard";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    systems.url = "github:nix-systems/default";
  };

  outputs = { self, nixpkgs, systems }:
    let
      eachSystem = f: nixpkgs.lib.genAttrs (import systems) (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = eachSystem (pkgs: {
        default = pkgs.buildNpmPackage {
          pname = "status-page";
          version = (builtins.fromJSON (builtins.readFile ./package.json)).version;
          src = ./.;
          npmDeps = pkgs.importNpmLock { npmRoot = ./.; };
          npmConfigHook = pkgs.importNpmLock.npmConfigHook;
          nodejs = pkgs.nodejs_22;
          npmBuildScript = "build";
          installPhase = ''
            runHook preInstall
            mkdir -p $out/share/status-page
            cp -r dist/* $out/share/status-page/
            runHook postInstall
          '';
        };
      });

      devShells = eachSystem (pkgs: {
        default = pkgs.mkShell {
          packages = [ pkgs.nodejs_22 pkgs.nodePackages.typescript-language-server pkgs.pnpm ];
        };
      });

      checks = eachSystem (pkgs: {
        build = self.packages.${pkgs.stdenv.hostPlatform.system}.default;
      });
    };
}
