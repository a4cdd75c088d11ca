{
  description = ''sitegen tooling (nix/dev), reusing the repository's root flake'';

  inputs = {
    project = {
      url = "path:../..";
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
        packages = [ pkgs.wget pkgs.wget ];
        PROJECT_VERSION = project.lib.version;
      };
    };
}
