# scope: unused-lambda-parameter unused-lambda-parameter unused-let-binding
{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  inputs.extra.url = "github:example/extra";
  # The outputs function's arguments are the flake analysis' business
  # (outputs-unused-input); only the code inside is checked here.
  outputs = { self, nixpkgs, extra }@inputs:
    let
      helper = 1;
    in
    {
      overlays.default = final: prev: { };
      packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.hello;
    };
}
