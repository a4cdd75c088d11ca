let
  sources = import ./npins;
  pkgs = import sources.nixpkgs {
    config = { allowUnfree = true; };
    overlays = [ (import ../../overlays/default.nix) ];
  };
  inherit (pkgs) lib;
in
{
  inherit pkgs;
  tools = pkgs.symlinkJoin {
    name = "pinned-tools";
    paths = lib.attrValues { inherit (pkgs) jq curl git; };
  };
}
