{
  description = ''mqtt-bridge tooling (ci), reusing the repository's root flake'';

  inputs = {
    project = {
      url = "path:../.";
    };
    nixpkgs.follows = "project/nixpkgs";
  };

  outputs = { self, project, nixpkgs }:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      devShells.${system}.default = pkgs.mkShell {
        inputsFrom = [ project.packages.${system}.default ];
        packages = [ pkgs.bat pkgs.wget ];
        PROJECT_VERSION = project.lib.version;
      };

      checks.${system}.package = project.packages.${system}.default;
    };
}
