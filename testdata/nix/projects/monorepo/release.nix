{ supportedSystems ? [ "x86_64-linux" "aarch64-linux" ]
, nixpkgs ? <nixpkgs>
}:

let
  forAllSystems = f: builtins.listToAttrs (map (system: { name = system; value = f system; }) supportedSystems);

  pkgsFor = system: import nixpkgs { inherit system; };

  jobsFor = system:
    let pkgs = pkgsFor system;
    in {
      cli = pkgs.callPackage ./cli { };
      server = pkgs.callPackage ./server { };
      docs = pkgs.runCommand "docs" { nativeBuildInputs = [ pkgs.mdbook ]; } ''
        mdbook build ${./docs} -d $out
      '';
    };
in
{
  build = forAllSystems jobsFor;
  tests = forAllSystems (system: (pkgsFor system).callPackage ./tests { });
}
