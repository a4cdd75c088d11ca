{
  description = ''
    A collection of nixpkgs overlays (shells, patches, pinned)
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  };

  outputs = { self, nixpkgs }:
    let
      lib = nixpkgs.lib;
    in
    {
      overlays = {
        shells =
          _: prev: {
            jq = prev.jq.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        patches =
          final: prev: {
            curl-wrapped = final.writeShellScriptBin "curl-wrapped" ''
              exec ${prev.curl}/bin/curl "$@"
            '';
          };
        pinned =
          _final: prev: {
            ripgrep = prev.ripgrep.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        default = lib.composeManyExtensions [ self.overlays.shells self.overlays.patches self.overlays.pinned ];
      };

      legacyPackages = lib.genAttrs [ "x86_64-linux" "aarch64-linux" ] (system:
        import nixpkgs {
          inherit system;
          overlays = [ self.overlays.default ];
        });
    };
}
