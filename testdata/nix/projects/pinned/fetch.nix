# Pin nixpkgs without flakes or npins.
{ rev ? "0123456789abcdef0123456789abcdef01234567"
, sha256 ? "0000000000000000000000000000000000000000000000000000"
, system ? builtins.currentSystem
}:

let
  nixpkgs = fetchTarball {
    url = "https://github.com/NixOS/nixpkgs/archive/${rev}.tar.gz";
    inherit sha256;
  };
in
import nixpkgs {
  inherit system;
  config = { };
  overlays = [ ];
}
