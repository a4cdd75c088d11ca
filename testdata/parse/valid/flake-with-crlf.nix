{
  description = "A flake written on Windows";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      # a comment with CRLF line ending
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.dotnet-sdk_8 ];
        shellHook = ''
          echo "dotnet ready"
        '';
      };
    };
}
