{
  description = "Dev environment for the data-pipeline repo";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs }:
    let
      supportedSystems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      forAllSystems = nixpkgs.lib.genAttrs supportedSystems;
      nixpkgsFor = forAllSystems (system: import nixpkgs {
        inherit system;
        config.allowUnfreePredicate = pkg: builtins.elem (nixpkgs.lib.getName pkg) [ "terraform" ];
      });
    in
    {
      devShells = forAllSystems (system:
        let pkgs = nixpkgsFor.${system}; in
        {
          default = pkgs.mkShell {
            packages = with pkgs; [
              python312
              python312Packages.pandas
              python312Packages.pyarrow
              duckdb
              terraform
              awscli2
            ];
            env.DUCKDB_NO_TELEMETRY = "1";
          };

          ci = pkgs.mkShellNoCC {
            packages = [ pkgs.python312 pkgs.ruff ];
          };
        });
    };
}
