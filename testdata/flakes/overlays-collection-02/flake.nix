{
  description = ''
    A collection of nixpkgs overlays (pinned, python)
  '';

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  };

  outputs = { self, nixpkgs }:
    let
      lib = nixpkgs.lib;
    in
    {
      overlays = {
        pinned =
          _final: prev: {
            git = prev.git.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        python =
          final: super: {
            curl-wrapped = final.writeShellScriptBin "curl-wrapped" ''
              exec ${super.curl}/bin/curl "$@"
            '';
          };
        default = lib.composeManyExtensions [ self.overlays.pinned self.overlays.python ];
      };

      legacyPackages = lib.genAttrs [ "x86_64-linux" ] (system:
        import nixpkgs {
          inherit system;
          overlays = [ self.overlays.default ];
        });
    };
}
