{
  description = ''A collection of nixpkgs overlays (shells, editors)'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  outputs = { self, nixpkgs }:
    let
      lib = nixpkgs.lib;
    in
    {
      overlays = {
        shells =
          final: prev: {
            hello-wrapped = final.writeShellScriptBin "hello-wrapped" ''
              exec ${prev.hello}/bin/hello "$@"
            '';
          };
        editors =
          _final: prev: {
            curl = prev.curl.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        default = lib.composeManyExtensions [ self.overlays.shells self.overlays.editors ];
      };

      legacyPackages = lib.genAttrs [ "x86_64-linux" "aarch64-linux" ] (system:
        import nixpkgs {
          inherit system;
          overlays = [ self.overlays.default ];
        });
    };
}
