{
  description = ''pkgstats tooling (dev), reusing the repository's root flake'';

  inputs = {
    project = {
      url = "..";
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
        packages = [ pkgs.htop pkgs.fd ];
        PROJECT_VERSION = project.lib.version;
      };
    };
}
