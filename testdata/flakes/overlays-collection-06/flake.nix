{
  description = ''A collection of nixpkgs overlays (security, fonts, pinned)'';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  outputs = { self, nixpkgs }:
    let
      lib = nixpkgs.lib;
    in
    {
      overlays = {
        security =
          _final: prev: {
            hello = prev.hello.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        fonts =
          _: prev: {
            git = prev.git.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        pinned =
          final: prev: {
            hello-wrapped = final.writeShellScriptBin "hello-wrapped" ''
              exec ${prev.hello}/bin/hello "$@"
            '';
          };
        default = lib.composeManyExtensions [ self.overlays.security self.overlays.fonts self.overlays.pinned ];
      };

      legacyPackages = lib.genAttrs [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ] (system:
        import nixpkgs {
          inherit system;
          overlays = [ self.overlays.default ];
        });
    };
}
