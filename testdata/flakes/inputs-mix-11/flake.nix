{
  description = ''Flake with many kinds of inputs: srht-tools, vendored, local-tools'';

  inputs = {
    nixpkgs.url = github:NixOS/nixpkgs/nixos-25.05;
    srht-tools.url = "sourcehut:~sircmpwn/hare-tools/main";
    vendored = {
      url = "git+https://git.example.com/vendor/sources.git?submodules=1";
      flake = false;
    };
    local-tools.url = "path:./tools";
  };

  outputs = { self, nixpkgs, ... }@inputs:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
    in
    {
      packages.${system}.sources = pkgs.linkFarm "sources" [
        { name = "srht-tools"; path = inputs.srht-tools; }
        { name = "vendored"; path = inputs.vendored; }
        { name = "local-tools"; path = inputs.local-tools; }
      ];

      devShells.${system}.default = pkgs.mkShell {
        packages = [ pkgs.jq pkgs.neovim ];
      };
    };
}
