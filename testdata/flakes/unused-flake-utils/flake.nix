# DELIBERATE FLAW (UNUSED LOCK NODE): this flake used to depend on
# flake-utils; the input was removed from flake.nix (and from the outputs
# formals) in favour of a local forAllSystems helper, but the lock was not
# re-generated. flake.lock still has the root edge "flake-utils" and the nodes
# "flake-utils" and "systems", which nothing in flake.nix declares any more
# (Nix would report "Removed input 'flake-utils'").
{
  description = "Grafana dashboards rendered from jsonnet";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  outputs = { self, nixpkgs }:
    let
      forAllSystems = nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" ];
    in
    {
      packages = forAllSystems (system:
        let pkgs = nixpkgs.legacyPackages.${system}; in
        {
          dashboards = pkgs.runCommand "dashboards" { nativeBuildInputs = [ pkgs.go-jsonnet ]; } ''
            mkdir -p $out
            for f in ${./dashboards}/*.jsonnet; do
              jsonnet -J ${./vendor} "$f" -o "$out/$(basename "$f" .jsonnet).json"
            done
          '';
          default = self.packages.${system}.dashboards;
        });

      devShells = forAllSystems (system: {
        default = nixpkgs.legacyPackages.${system}.mkShell {
          packages = with nixpkgs.legacyPackages.${system}; [ go-jsonnet jsonnet-bundler grafana ];
        };
      });
    };
}
