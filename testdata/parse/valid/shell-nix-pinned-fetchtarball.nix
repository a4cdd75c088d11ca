let
  # Pin nixpkgs to a known-good revision.
  rev = "e4b5c9b2a2f5f3a18f1f2b7e0b0f7c6c3a2d1e0f";
  nixpkgs = fetchTarball {
    url = "https://github.com/NixOS/nixpkgs/archive/${rev}.tar.gz";
    sha256 = "0000000000000000000000000000000000000000000000000000";
  };
  pkgs = import nixpkgs {
    config = { };
    overlays = [ ];
  };
in
pkgs.mkShellNoCC {
  packages = with pkgs; [
    hugo
    nodePackages.prettier
    (writeShellScriptBin "serve" ''
      exec hugo server --buildDrafts --bind 0.0.0.0 "$@"
    '')
  ];
}
