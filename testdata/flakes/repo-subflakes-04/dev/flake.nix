{
  description = "thermostat tooling (dev), reusing the repository's root flake";

  inputs = {
    project = {
      url = "path:..";
    };
    nixpkgs.follows = "project/nixpkgs";
    treefmt-nix = {
      url = "github:numtide/treefmt-nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, project, nixpkgs, treefmt-nix }:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      devShells.${system}.default = pkgs.mkShell {
        inputsFrom = [ project.packages.${system}.default ];
        packages = [ pkgs.hello pkgs.direnv ];
        PROJECT_VERSION = project.lib.version;
      };

      formatter.${system} = (treefmt-nix.lib.evalModule pkgs { programs.nixfmt.enable = true; }).config.build.wrapper;
    };
}
