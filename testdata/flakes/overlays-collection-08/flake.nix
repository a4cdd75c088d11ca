{
  description = "A collection of nixpkgs overlays (shells, patches, editors)";

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
          _: prev: {
            neovim = prev.neovim.overrideAttrs (old: {
              doCheck = false;
              meta = old.meta // { priority = 4; };
            });
          };
        patches =
          final: super: {
            neovim-wrapped = final.writeShellScriptBin "neovim-wrapped" ''
              exec ${super.neovim}/bin/neovim "$@"
            '';
          };
        editors =
          final: prev: {
            wget-wrapped = final.writeShellScriptBin "wget-wrapped" ''
              exec ${prev.wget}/bin/wget "$@"
            '';
          };
        default = lib.composeManyExtensions [ self.overlays.shells self.overlays.patches self.overlays.editors ];
      };

      legacyPackages = lib.genAttrs [ "x86_64-linux" "aarch64-linux" ] (system:
        import nixpkgs {
          inherit system;
          overlays = [ self.overlays.default ];
        });
    };
}
